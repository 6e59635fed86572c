"""Publish the site all-or-nothing: build beside site/, then swap the new site in.

``mkdocs build`` empties site/ and writes it file by file, so a build that is killed, fails
or fills the disk leaves a fraction of a site without its index.html. Here MkDocs builds into
a temporary folder beside the site (``site.tmp-XXXXXXXX``), and only a build that succeeded
is swapped in: site/ holds the previous site up to that instant and the new one after it.
Folders left by a killed run are removed by the next one. A lock beside the site
(``.site.lock``) keeps two publishing runs apart.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import tempfile
from pathlib import Path

import click
import yaml

from build_tools.errors import OutputError, PublishError
from build_tools.write import file_lock

log = logging.getLogger(__name__)

TEMPORARY = ".tmp-"  # site.tmp-XXXXXXXX: a site being built (or the previous one, swapped out)
PREVIOUS = ".old-"  # site.old-XXXXXXXX: the previous site, where no atomic exchange exists
_RENAME_EXCHANGE = 2  # renameat2 flag, Linux 3.15+
_AT_FDCWD = -100


def publish(
    config_file: Path, site_dir: Path | None = None, strict: bool = False, quiet: bool = False
) -> Path:
    """Build the site of ``config_file`` and put it in ``site_dir`` (default: the config's
    ``site_dir``, relative to it), all or nothing; return where it is. Raises an ArchiveError
    naming what to fix when it cannot; the previous site is then left as it was."""
    config_file = config_file.absolute()
    docs_dir, configured = _folders(config_file)
    site_dir = (site_dir or configured).resolve()  # a link to the site: the site it names
    for folder in (docs_dir, site_dir):
        if folder.exists() and not folder.is_dir():
            raise OutputError(folder, NotADirectoryError(errno.ENOTDIR, "Not a directory"))
    busy = f"{site_dir}: another publishing run is building this site"
    with file_lock(site_dir.parent, f".{site_dir.name}.lock", busy, on_wait=print_line):
        _clear_leftovers(site_dir)
        built = _temporary_folder(site_dir)
        try:
            _build(config_file, built, strict, quiet, site_dir)
            _swap_in(built, site_dir)
        finally:
            shutil.rmtree(built, ignore_errors=True)  # the new site, or the previous one
    return site_dir


def _folders(config_file: Path) -> tuple[Path, Path]:
    """The docs and site folders that ``config_file`` names, as MkDocs resolves them."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as stream:
            config = yaml_load(stream) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PublishError(f"{config_file}: cannot be read ({exc})") from exc
    folder = config_file.parent
    return folder / config.get("docs_dir", "docs"), folder / config.get("site_dir", "site")


def print_line(line: str) -> None:
    """Say one thing on standard error (the command's own voice, not a log record)."""
    click.echo(line, err=True)


def _build(config_file: Path, into: Path, strict: bool, quiet: bool, site_dir: Path) -> None:
    """Run ``mkdocs build`` into the folder ``into`` in this process, so that killing this
    process kills the build too."""
    from mkdocs.__main__ import cli

    arguments = ["build", "--config-file", str(config_file), "--site-dir", str(into)]
    arguments += ["--strict"] * strict + ["--quiet"] * quiet
    unchanged = f"{site_dir} is unchanged"
    try:
        cli.main(arguments, prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as exc:  # MkDocs' Abort: its reason is logged above
        raise PublishError(f"the build failed ({exc.format_message()}); {unchanged}") from exc
    except OSError as exc:
        error = OutputError(into, exc)
        raise PublishError(f"the build failed: {error}; {unchanged}") from exc


def _temporary_folder(site_dir: Path) -> Path:
    try:
        folder = Path(tempfile.mkdtemp(prefix=site_dir.name + TEMPORARY, dir=site_dir.parent))
    except OSError as exc:
        raise OutputError(site_dir.parent, exc) from exc
    folder.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a site is read by a server
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _swap_in(built: Path, site_dir: Path) -> None:
    """Put ``built`` at ``site_dir``; the previous site ends up at ``built`` (to be removed).

    One atomic exchange where the system has it; else two renames, with the previous site
    kept as site.old-… in between (restored by the next run if this one dies there)."""
    if not site_dir.exists():
        os.rename(built, site_dir)
        return
    if _exchange(built, site_dir):
        return
    previous = built.with_name(built.name.replace(TEMPORARY, PREVIOUS))
    os.rename(site_dir, previous)
    os.rename(built, site_dir)
    os.rename(previous, built)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    paths = (os.fsencode(first), os.fsencode(second))
    if renameat2(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    log.debug("renameat2: %s: swapping by two renames", os.strerror(ctypes.get_errno()))
    return False


def _clear_leftovers(site_dir: Path) -> None:
    """Remove what killed runs left beside the site; a site lost between two renames is
    restored from its site.old-… copy first."""
    previous = sorted(site_dir.parent.glob(site_dir.name + PREVIOUS + "*"))
    if previous and not site_dir.exists():
        os.rename(previous.pop(), site_dir)
    for folder in [*previous, *site_dir.parent.glob(site_dir.name + TEMPORARY + "*")]:
        log.debug("removing %s, left by a run that did not finish", folder)
        shutil.rmtree(folder, ignore_errors=True)
