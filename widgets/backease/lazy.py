"""Names a package imports on first use (PEP 562), so that importing the package stays quick."""
from importlib import import_module


def lazy_names(package: str, where: dict[str, str], namespace: dict):
    """``__getattr__`` and ``__dir__`` for ``package``: a name in ``where`` (name -> module) is imported
    from its module on first use and then kept in ``namespace``, the package's globals."""

    def __getattr__(name: str):
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{where[name]}", package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
