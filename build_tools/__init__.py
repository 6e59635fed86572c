"""Build tools for the work-safety policy archive.

The pipeline, one module per stage: load sources (``sources``) → clean (``cleaning``) →
metadata + structure (``metadata``, ``structure``, ``departments``) → render (``render``) →
write (``write``). ``convert`` runs the whole pipeline; ``mkdocs_hooks`` wires it into MkDocs.
"""

__version__ = "0.1.0"
