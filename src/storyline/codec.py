"""Plain-dict (JSON) encoding of the data model, used by the store and the report writers.

Dates become ISO strings, nested dataclasses become dicts, and :func:`decode` rebuilds the
typed records, so a stored analysis reads back exactly as it was written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from typing import Any, TypeVar, cast

T = TypeVar("T")


def encode(obj: Any) -> Any:
    """Turn a model record (or a list/dict of them) into JSON-compatible values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    return obj


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for arg in args:
            try:
                return _convert(arg, value)
            except (TypeError, ValueError, KeyError):
                continue
        return value
    if origin is typing.Literal:
        return value
    if origin in (list, tuple):
        (inner, *_rest) = typing.get_args(tp) or (Any,)
        items = [_convert(inner, v) for v in value]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        _k, v_tp = typing.get_args(tp)
        return {k: _convert(v_tp, v) for k, v in value.items()}
    if tp is dt.date:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return decode(tp, value)
    return value


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """A dataclass's field names and resolved types (resolving them is slow: done once)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def decode(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass record of type ``cls`` from :func:`encode`'s output."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a dict for {cls.__name__}, got {type(data).__name__}")
    fields = _fields(cast(type, cls))
    kwargs = {name: _convert(tp, data[name]) for name, tp in fields if name in data}
    return cls(**kwargs)
