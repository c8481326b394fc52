"""papermill parameters for TypeScript notebooks (the tslab kernel).

papermill injects a cell of assignments after the cell tagged ``parameters``; for that it needs a
translator for the notebook's language. This one writes TypeScript::

    // Parameters
    let n = 100000;
    let seed = 3;

``let`` because tslab accepts re-declaring a top-level ``let``/``const`` in a later cell, and a
``let`` takes the widened type (``number``, not the literal ``100000``) that the notebook's own
declaration had. ``papermill --help-notebook`` lists the parameters cell's declarations
(``const|let|var name[: type] = value; // help``).

papermill 2.7 has no entry point group for translators; it loads the ``papermill.engine`` group at
start-up, so this module is registered there (engine ``tslab``, papermill's usual nbclient engine
under another name) and registers the translator when it is loaded.
"""
import json
import math
import re

from papermill.engines import NBClientEngine
from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators

DECLARATION = re.compile(
    r"^\s*(?:export\s+)?(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*)\s*"
    r"(?::\s*(?P<type>[^=]+?))?\s*=\s*(?P<value>.*?)\s*;?\s*(?://\s*(?P<help>.*))?$"
)


class TypeScriptTranslator(Translator):
    """Python values as TypeScript literals, assigned with ``let``."""

    @classmethod
    def translate_str(cls, val):
        return json.dumps(val)

    @classmethod
    def translate_none(cls, val):
        return "null"

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "NaN"
        if math.isinf(val):
            return "Infinity" if val > 0 else "-Infinity"
        return repr(val)

    @classmethod
    def translate_dict(cls, val):
        return "{ " + ", ".join(f"{json.dumps(str(k))}: {cls.translate(v)}" for k, v in val.items()) + " }"

    @classmethod
    def translate_list(cls, val):
        return "[" + ", ".join(cls.translate(v) for v in val) + "]"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        return f"let {name} = {str_val};"

    @classmethod
    def inspect(cls, parameters_cell):
        params = []
        for line in parameters_cell.source.splitlines():
            match = DECLARATION.match(line)
            if not match:
                continue
            value = match.group("value")
            kind = (match.group("type") or "").strip() or cls._infer_type(value)
            params.append(Parameter(name=match.group("name"), inferred_type_name=kind,
                                    default=value, help=(match.group("help") or "").strip()))
        return params

    @staticmethod
    def _infer_type(value):
        if re.fullmatch(r"-?(\d[\d_]*)(\.\d+)?([eE][-+]?\d+)?", value):
            return "number"
        if re.fullmatch(r"(['\"`]).*\1", value):
            return "string"
        if value in ("true", "false"):
            return "boolean"
        try:
            parsed = json.loads(value)
        except ValueError:
            return "None"
        depth = 0
        while isinstance(parsed, list) and parsed:
            parsed, depth = parsed[0], depth + 1
        if depth and isinstance(parsed, (int, float)) and not isinstance(parsed, bool):
            return "number" + "[]" * depth
        return "None"


class TslabEngine(NBClientEngine):
    """papermill's nbclient engine; registered only so that papermill loads this module."""


papermill_translators.register("typescript", TypeScriptTranslator)
