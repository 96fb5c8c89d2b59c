#!/usr/bin/env python3
"""Checks the expression, format and regex case files against the real CPython.

Usage: check_cases.py [--write] [CASES_DIR]

Case files (tests/MqttKube.Tests/Expressions/Cases):
  *.cases   EXPRESSION ⇶ EXPECTED
  *.format  FORMAT-STRING-LITERAL ⇶ ARGS ⇶ EXPECTED      (evaluated as FORMAT.format(ARGS))
  *.regex   PATTERN-LITERAL ⇶ INPUT-LITERAL ⇶ EXPECTED   (re.match; EXPECTED is None or (group0, groupdict))
EXPECTED is the Python repr() of the result, `error` or `error: ExceptionName`.
Lines starting with '#' are comments, except:
  # vars: NAME = PYTHON-LITERAL   binds NAME for the rest of the file (dicts allow d.key, as in the interpreter)
  # pycheck: skip                 the file tests sandbox limits CPython lacks: not checked here
--write replaces each EXPECTED with CPython's answer (for authoring); the default only checks.
Exit status: 0 when every line agrees with CPython, 1 otherwise.
"""
import os
import re
import sys
import warnings

warnings.simplefilter("ignore")

SEP = " ⇶ "


class AttrDict(dict):
    """A dict whose keys read as attributes (the interpreter's dotted access on mappings)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def wrap(value):
    if isinstance(value, dict):
        return AttrDict((k, wrap(v)) for k, v in value.items())
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


def outcome(thunk):
    try:
        return repr(thunk())
    except Exception as e:  # noqa: BLE001 - any exception is an expected outcome
        return "error: " + type(e).__name__


def agrees(expected, actual):
    if expected == "error":
        return actual.startswith("error")
    return expected == actual


def check_file(path, write):
    kind = os.path.splitext(path)[1]
    lines = open(path, encoding="utf-8").read().split("\n")
    if any(line.strip() == "# pycheck: skip" for line in lines):
        return 0, 0
    env = {}
    failures = 0
    count = 0
    out = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("# vars:"):
            name, _, literal = stripped[len("# vars:"):].partition("=")
            env[name.strip()] = wrap(eval(literal.strip(), {}))
        if not stripped or stripped.startswith("#"):
            out.append(line)
            continue
        parts = line.split(SEP)
        if kind == ".cases" and len(parts) == 2:
            expr, expected = parts
            actual = outcome(lambda: eval(expr, dict(env)))
        elif kind == ".format" and len(parts) == 3:
            fmt, args, expected = parts
            actual = outcome(lambda: eval(fmt + ".format(" + args + ")", dict(env)))
        elif kind == ".regex" and len(parts) == 3:
            pattern, text, expected = parts

            def run():
                m = re.match(eval(pattern), eval(text))
                return None if m is None else (m.group(0), m.groupdict())

            actual = outcome(run)
        else:
            print(f"{path}:{number}: malformed line: {line}")
            failures += 1
            out.append(line)
            continue
        count += 1
        expected = expected.strip()
        if write and not agrees(expected, actual):
            parts[-1] = actual
            line = SEP.join(parts)
        elif not agrees(expected, actual):
            failures += 1
            print(f"{path}:{number}: {SEP.join(parts[:-1]).strip()}\n    expected {expected}\n    CPython  {actual}")
        out.append(line)
    if write:
        open(path, "w", encoding="utf-8").write("\n".join(out))
    return count, failures


def main(argv):
    write = "--write" in argv
    args = [a for a in argv if a != "--write"]
    root = os.path.dirname(os.path.abspath(__file__))
    cases = args[0] if args else os.path.join(root, "..", "..", "tests", "MqttKube.Tests", "Expressions", "Cases")
    total = failed = 0
    for name in sorted(os.listdir(cases)):
        if os.path.splitext(name)[1] in (".cases", ".format", ".regex"):
            count, failures = check_file(os.path.join(cases, name), write)
            total += count
            failed += failures
    print(f"python3 agrees with {total - failed} case lines, differs on {failed}")
    return 1 if failed or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
