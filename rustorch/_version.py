"""The version of rustorch: the one place it is written. pyproject.toml reads it at build time
(scikit-build-core's regex metadata provider) and ``rustorch.__version__`` imports it."""
__version__ = "0.1.0"
