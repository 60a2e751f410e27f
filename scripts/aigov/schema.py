"""Each data file's declared shape: a JSON Schema beside it (data/<name>.schema.json), checked
when the file is read, so that bad input is reported as `file:line: path.to.field: what is
wrong` instead of a traceback. Python keeps only what a schema cannot say (a clause exists)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import jsonschema
import yaml

T = TypeVar("T")


class DataError(ValueError):
    """A data file is malformed; the message names the file, the line and the field or entry."""


class FieldError(ValueError):
    """A field of one entry breaks what only Python can check (a clause exists); its loader
    names the file, the line and the entry."""

    def __init__(self, parts: Sequence[str | int], cause: str) -> None:
        super().__init__(cause)
        self.parts = list(parts)
        self.cause = cause


SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data"  # the schemas sit beside the data files
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class TextDatesLoader(yaml.SafeLoader):
    """Leaves dates as text: the schema checks them ("format": "date"), so that 2024-02-30 is
    reported with its field rather than raised by PyYAML. Refuses a key given twice in a
    mapping, which PyYAML would let the second silently replace."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key, _ in node.value:
            if key.value in seen:
                raise yaml.constructor.ConstructorError(None, None, f"the key '{key.value}' is given twice", key.start_mark)
            seen.add(key.value)
        return super().construct_mapping(node, deep)


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def project_name(path: Path) -> str:
    """The file as a maintainer names it: relative to the project (the folder of mkdocs.yml)."""
    absolute = path.resolve()
    project = next((folder for folder in absolute.parents if (folder / "mkdocs.yml").is_file()), None)
    return absolute.relative_to(project).as_posix() if project else str(path)


def field_path(root: str, parts: Sequence[str | int]) -> str:
    """`events`, (3, "clauses") -> `events[3].clauses`; keys that are not names are quoted."""
    text = root
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _KEY.match(part):
            text += f".{part}" if text else part
        else:
            text += f"[{part!r}]"
    return text or "(the whole file)"


def node_at(node: yaml.Node | None, parts: Sequence[str | int]) -> yaml.Node | None:
    """The YAML node at a path, or the deepest one on the way (a missing key's mapping)."""
    for part in parts:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            match = next(((key, value) for key, value in node.value if key.value == part), None)
            if match is None:
                return node
            node = match[1]
        else:
            return node
    return node


def key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """Where a mapping names `key` (an unknown key's line), or the mapping if it does not."""
    if isinstance(node, yaml.MappingNode):
        return next((k for k, _ in node.value if k.value == key), node)
    return node


class DataFile:
    """A data file's text and YAML nodes, to name the line of a field in a message."""

    def __init__(self, path: Path, text: str) -> None:
        self.name = project_name(path)
        try:
            self.root = yaml.compose(text, Loader=TextDatesLoader)
        except yaml.YAMLError:
            self.root = None

    def line(self, parts: Sequence[str | int], key: str | None = None) -> int:
        """The 1-based line of the field at `parts` (of its key `key`, if given); 0 if unknown."""
        node = node_at(self.root, parts)
        if key is not None:
            node = key_node(node, key)
        return node.start_mark.line + 1 if node is not None else 0

    def error(self, root: str, parts: Sequence[str | int], cause: str, key: str | None = None) -> str:
        """`file:line: path: cause`; with `key`, the path and line are those of that key."""
        line = self.line(parts, key)
        where = f"{self.name}:{line}" if line else self.name
        return f"{where}: {field_path(root, [*parts, key] if key is not None else parts)}: {cause}"


def brief(value: Any) -> str:
    """A value as a message quotes it, cut short: a whole list or mapping would bury the cause."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


@functools.cache
def validator(schema: str) -> jsonschema.Draft202012Validator:
    """The checker of data/<schema>.schema.json (draft 2020-12, with formats such as "date")."""
    declared = json.loads((SCHEMA_DIR / f"{schema}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(declared, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def problems(data: Any, schema: str) -> Iterator[tuple[list[str | int], str, str | None]]:
    """Each way `data` breaks the schema: the field's path, the cause, and an unknown key."""
    for error in validator(schema).iter_errors(data):
        parts = list(error.absolute_path)
        subschema = error.schema if isinstance(error.schema, dict) else {}
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(subschema.get("properties", {}))
            for key in error.instance:
                if key not in known:
                    yield parts, f"unknown key; known keys: {', '.join(known)}", str(key)
        elif error.validator == "required" and isinstance(error.instance, dict):
            for key in error.validator_value:
                if key not in error.instance:
                    yield parts, "missing; it is required", key
        elif error.validator in ("minItems", "maxItems") and isinstance(error.instance, list):
            bound = "at least" if error.validator == "minItems" else "at most"
            yield parts, f"has {len(error.instance)} items; needs {bound} {error.validator_value}", None
        elif error.validator == "type":
            yield parts, f"{brief(error.instance)} is not of type {error.validator_value!r}", None
        elif error.validator == "uniqueItems" and isinstance(error.instance, list):
            twice = next(item for index, item in enumerate(error.instance) if item in error.instance[:index])
            yield parts, f"{twice!r} is listed twice", None
        elif error.validator == "not":
            yield parts, f"not allowed: {subschema.get('description', 'this key is not allowed here')}", None
        elif error.validator in ("pattern", "format") and "description" in subschema:
            yield parts, f"{brief(error.instance)} is not {subschema['description']}", None
        else:
            yield parts, error.message, None


def validate(path: Path, text: str, data: Any, schema: str, root: str = "") -> None:
    """Raise DataError listing every way `data` (read from `path`) breaks data/<schema>.schema.json."""
    found = list(problems(data, schema))
    if not found:
        return
    source = DataFile(path, text)
    in_file_order = sorted(found, key=lambda problem: source.line(problem[0], problem[2]))
    messages = [source.error(root, parts, cause, key) for parts, cause, key in in_file_order]
    raise DataError("\n".join(dict.fromkeys(messages)))


def located(path: Path, root: str, parts: Sequence[str | int], cause: str) -> DataError:
    """A DataError naming the file, the line and the field at `parts` under `root`."""
    return DataError(DataFile(path, path.read_text(encoding="utf-8")).error(root, parts, cause))


def read_data(path: Path, schema: str, root: str = "") -> Any:
    """The content of a YAML data file, checked against data/<schema>.schema.json; dates stay
    ISO text. `root` names the file's top level in messages (`events` for `events[3].date`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{project_name(path)}: cannot be read: {error.strerror}") from error
    try:
        data = yaml.load(text, Loader=TextDatesLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        cause = getattr(error, "problem", None) or str(error)
        raise DataError(f"{project_name(path)}{line}: not valid YAML: {cause}") from error
    validate(path, text, data, schema, root)
    return data


def parse_entries(
    path: Path, schema: str, root: str, key: str | None, parse: Callable[[dict[str, Any]], T], taken: str = ""
) -> list[T]:
    """The entries of a data file (a list under `root`), checked against its schema and parsed
    in file order; each entry's `key`, if any, is used once (`taken` says so when it is not),
    and a FieldError from `parse` is reported at the line of the field it names."""
    parsed: list[T] = []
    seen: set[Any] = set()
    for index, entry in enumerate(read_data(path, schema, root=root)):
        try:
            if key is not None:
                if entry[key] in seen:
                    raise FieldError([key], f"'{entry[key]}' {taken}")
                seen.add(entry[key])
            parsed.append(parse(entry))
        except FieldError as error:
            raise located(path, root, [index, *error.parts], error.cause) from None
    return parsed
