"""Only English written in the code goes through the translator, never text a user typed.

``tr(record.name)`` would show a record named "Quotes" as «الاقتباسات», and a tag or file name
that happens to read like a message would change. So the message given to ``tr``, ``ntr``,
``ptr`` or an error class must be a string literal, a label marked with ``N_``/``NP_``, or a
lookup in a module's table of such labels (``KIND_LABELS[kind]``). The few other expressions,
each known to hold a marked label, are listed below with why.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tools.fold_translations import PACKAGES, error_class_names, extract_messages

REPO = Path(__file__).resolve().parents[1]
MESSAGE_ARGUMENTS = {"tr": (0,), "ntr": (0, 1), "ptr": (0, 1)}

# (file, expression): why the expression can only hold an English label marked for translation.
KNOWN_LABELS = {
    ("archive/errors.py", "self.message"): "an error's own message, a literal where it is raised",
    ("archive/errors.py", "value"): "only the kind and field labels of an error (LABEL_PARAMS)",
    ("archive/briefs/document.py", "message"): "the brief's tr, called with literals",
    ("archive/briefs/sections.py", "message"): "the brief layout's tr, called with literals",
    ("archive/briefs/event_brief.py", "title"): "the heading of ungrouped quotes, a literal of its callers",
    ("search/service.py", "message"): "a search note: a literal of search.query",
    ("desktop/gui/main_window.py", "label"): "NEW_KINDS, marked with N_",
    ("desktop/gui/models.py", "self.columns[section].title"): "a column title, marked with N_",
    ("desktop/gui/review.py", "kind_name or KIND_NAMES[name]"): "QUOTE_KIND_NAMES or KIND_NAMES, marked with N_",
    ("desktop/cli/sync_commands.py", "SERVER_HELP"): "the server option's help, marked with N_ where it is set",
    ("desktop/gui/brief_dialog.py", "label"): "a label of BRIEF_KINDS, marked with N_",
    ("desktop/cli/search_commands.py", "hit.kind"): "a kind as the command line names it (quote, event, ...)",
    # a fixed choice (EVENT_KINDS, SESSION_KINDS, ...), checked when stored, its labels marked in editors.py
    ("desktop/gui/editors.py", "value.replace('_', ' ').capitalize()"): "a fixed choice",
    ("desktop/gui/models.py", "s.kind.capitalize()"): "a session's kind, a fixed choice",
}


def is_marked_label(node: ast.expr, scope: ast.AST | None = None) -> bool:
    """A literal, a label marked with N_/NP_, a lookup in an UPPER_CASE table of them, a ``.label``,
    or a local name only ever set to one of these (in ``scope``, the function around the call)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"N_", "NP_"}:
        return True
    if isinstance(node, ast.Subscript):
        return _is_table(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        return _is_table(node.func.value) and len(node.args) == 2  # the default is an internal code
    if isinstance(node, ast.Attribute):
        return node.attr in {"label", "plural_label"}  # a kind's or a field's label (archive.kinds)
    if isinstance(node, ast.IfExp):
        return is_marked_label(node.body, scope) and is_marked_label(node.orelse, scope)
    if isinstance(node, ast.Name) and scope is not None:
        sources = list(_assigned_to(node.id, scope))
        return bool(sources) and all(sources)
    return False


def _assigned_to(name: str, scope: ast.AST):
    """For each place ``scope`` sets ``name``: whether it is set to a marked label."""
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            yield is_marked_label(node.value)
        elif isinstance(node, (ast.For, ast.comprehension)) and name in _names(node.target):
            source = node.iter.func.value if isinstance(node.iter, ast.Call) and isinstance(
                node.iter.func, ast.Attribute) and node.iter.func.attr in {"items", "values"} else node.iter
            yield _is_table(source)  # a loop over a table of labels
        elif isinstance(node, ast.arguments) and name in {a.arg for a in (*node.posonlyargs, *node.args,
                                                                         *node.kwonlyargs)}:
            yield False  # a parameter: the callers decide


def _names(target: ast.expr) -> set[str]:
    return {node.id for node in ast.walk(target) if isinstance(node, ast.Name)}


def _is_table(node: ast.expr) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return name.lstrip("_").isupper()


class _Calls(ast.NodeVisitor):
    """Every call with the innermost function (or the module) around it."""

    def __init__(self, module: ast.Module) -> None:
        self.scopes: list[ast.AST] = [module]
        self.calls: list[tuple[ast.Call, ast.AST]] = []
        self.visit(module)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append(node)
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        self.calls.append((node, self.scopes[-1]))
        self.generic_visit(node)


def messages_given_to_the_translator() -> list[tuple[str, int, bool, str]]:
    """Each argument that is a message: its file, line, whether it is a marked label, its text."""
    arguments = dict(MESSAGE_ARGUMENTS) | dict.fromkeys(error_class_names(REPO), (0,))
    found = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            for call, scope in _Calls(ast.parse(path.read_text(encoding="utf-8"))).calls:
                func = call.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                for index in arguments.get(name, ()):
                    if index < len(call.args):
                        argument = call.args[index]
                        found.append((path.relative_to(REPO).as_posix(), call.lineno,
                                      is_marked_label(argument, scope), ast.unparse(argument)))
    return found


def test_only_english_from_the_code_is_translated() -> None:
    unknown = [f"{path}:{line}: {text}" for path, line, marked, text in messages_given_to_the_translator()
               if not marked and (path, text) not in KNOWN_LABELS]
    assert not unknown, (
        "pass a literal or a label marked with N_ to the translator, never text from a user or the archive; "
        "a variable that only holds marked labels can be added to KNOWN_LABELS:\n" + "\n".join(unknown))


def _argument(source: str) -> tuple[ast.expr, ast.AST]:
    module = ast.parse(source)
    call, scope = next((call, scope) for call, scope in _Calls(module).calls if getattr(call.func, "id", "") == "tr")
    return call.args[0], scope


def test_the_check_tells_a_record_name_from_a_label() -> None:
    assert not is_marked_label(*_argument("def show(record):\n    return tr(record.name)"))
    assert not is_marked_label(*_argument("def show(record):\n    name = record.name\n    return tr(name)"))
    assert not is_marked_label(*_argument("def show(label):\n    return tr(label)"))
    assert not is_marked_label(*_argument("def show(kind):\n    return tr(KIND_LABELS.get(kind) or kind)"))
    assert is_marked_label(*_argument('tr(KIND_LABELS["quote"])'))
    assert is_marked_label(*_argument("def show(spec):\n    return tr(spec.label)"))
    assert is_marked_label(*_argument("for kind, label in NEW_KINDS:\n    tr(label)"))
    assert is_marked_label(*_argument("def show(kind):\n    label = KIND_LABELS[kind]\n    return tr(label)"))


def test_every_message_is_seen_by_the_extractor() -> None:
    """A message inside an f-string (``f"{tr('Indexing')} ..."``) is invisible to Babel, so never translated."""
    extracted = {message.id if isinstance(message.id, str) else message.id[0] for message in extract_messages(REPO)}
    hidden = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                for call in _translation_calls_in_fstring(node):
                    first = call.args[1 if _called(call) == "ptr" else 0]
                    if isinstance(first, ast.Constant) and first.value not in extracted:
                        hidden.append(f"{path.relative_to(REPO).as_posix()}:{call.lineno}: {first.value}")
    assert not hidden, "take these out of the f-string, into a variable:\n" + "\n".join(hidden)


def _called(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _translation_calls_in_fstring(node: ast.AST) -> list[ast.Call]:
    if not isinstance(node, ast.JoinedStr):
        return []
    return [call for call in ast.walk(node) if isinstance(call, ast.Call) and _called(call) in MESSAGE_ARGUMENTS
            and call.args]
