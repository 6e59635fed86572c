"""Citations between notices: what each notice cites (``find``, per notice, cached with its
other facts) and which notice of the archive each citation names (``resolve``, archive-wide).
"""
