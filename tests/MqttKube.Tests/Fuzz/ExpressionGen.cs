using System.Globalization;
using System.Text;
using CsCheck;
using MqttKube.Tests.Expressions;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// Expression source text: well-formed expressions from the language's grammar (every builtin, method and operator,
/// big numbers, strings with escapes and surrogates, hostile repeats), the case files' expressions mutated, and
/// random text over the language's characters.
/// </summary>
internal static partial class ExpressionGen
{
    public static readonly string[] Variables = ["v", "s", "n", "l", "d", "f", "e"];

    private static readonly string[] Builtins = ["int", "float", "str", "bool", "len", "abs", "min", "max", "round", "sum", "any", "all", "sorted", "repr", "format", "list", "tuple"];

    private static readonly string[] Methods = ["lower", "upper", "strip", "lstrip", "rstrip", "startswith", "endswith", "split", "replace", "find", "isdigit", "join", "format", "get", "keys", "values", "items"];

    private static readonly string[] BinaryOperators = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not", "and", "or", "&", "|", "^", "<<", ">>"];

    private static readonly string[] Hostile =
    [
        "[[1] * 10 ** 6] * 10 ** 6", "'x' * 10 ** 6", "10 ** 10 ** 10", "2 ** 100000", "[1] * 10 ** 6", "'a' * 999999 + 'b'",
        "(1,) * 10 ** 6", "{'k' * 10 ** 5: 1}", "10 ** 4300", "-(2 ** 63)", "2 ** 64 - 1", "1e308 * 10", "1e-320", "float('nan')",
        "[str(x) for x in range(10)]", "'{:>1000000000}'.format(1)", "'{:.1000000000f}'.format(1.5)", "'%s' % ('x' * 10 ** 6)",
        "sorted([[1] * 1000] * 1000)", "'😀' * 500000", "'\\ud800' * 3", "str(10 ** 100000)", "int('9' * 5000)",
    ];

    private static readonly Lazy<string[]> Corpus = new(() =>
        [.. CaseFile.Load(".cases").Select(c => ((string)c[1]).Split(CaseFile.Separator)[0])]);

    /// <summary>The variables every evaluation sees (as Python literals).</summary>
    public static readonly (string Name, string Literal)[] Bindings =
    [
        ("v", "' on 42% \\u00e9😀 '"),
        ("s", "'héllo wörld 😀 {x} ${y} {{z}}'"),
        ("n", "123456789012345678901234567890"),
        ("l", "[1, -2, 3, 'a', None, [4, 5]]"),
        ("d", "{'a': 1, 'b': [1, 2], 'c': {'d': None}, 'type': 'Ready', 'status': 'True'}"),
        ("f", "1.5"),
        ("e", "''"),
    ];

    /// <summary>Any expression text: grammar-built, from the corpus (mutated or not), hostile, or random.</summary>
    public static Gen<string> Text => Gen.Frequency(
        (6, Expr(4)),
        (3, CorpusEntry),
        (3, Mutated),
        (1, Gen.OneOf(Hostile)),
        (2, Random));

    /// <summary>Random text over the language's characters and some others (control, surrogates, astral).</summary>
    public static Gen<string> Random => Gen.String[Gen.Frequency(
        (10, Gen.Char["abcdefghijklmnopqrstuvwxyz_0123456789 .,:()[]{}'\"+-*/%<>=!&|^~\\#@$"]),
        (1, Gen.Char['\0', '\u001f']),
        (1, Gen.Char['\ud800', '\udfff']),
        (1, Gen.Char['\u0080', '\uffff'])), 0, 80];

    private static Gen<string> CorpusEntry => Gen.Int[0, int.MaxValue].Select(i => Corpus.Value[i % Corpus.Value.Length]);

    /// <summary>A corpus expression with a few character or token edits, or spliced with a grammar expression.</summary>
    private static Gen<string> Mutated => Gen.Select(CorpusEntry, Expr(2), Gen.Int[0, int.MaxValue], Gen.Int[0, 5], (text, other, at, how) =>
    {
        var i = text.Length == 0 ? 0 : at % text.Length;
        return how switch
        {
            0 => text.Remove(i, Math.Min(1 + (at % 3), text.Length - i)),
            1 => text.Insert(i, other),
            2 => text[..i] + text,
            3 => text.Insert(i, "([{'\"\\:,)]}"[at % 11].ToString()),
            4 => "(" + text + ") " + BinaryOperators[at % BinaryOperators.Length] + " " + other,
            _ => text.Replace(' ', at % 2 == 0 ? '\t' : '\n'),
        };
    });

    /// <summary>Well-formed expressions of the language, nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> Expr(int depth)
    {
        var atom = Atom;
        if (depth == 0)
        {
            return atom;
        }

        var sub = Expr(depth - 1);
        var args = sub.Array[0, 3].Select(a => string.Join(", ", a));
        return Gen.Frequency(
            (4, atom),
            (4, Gen.Select(sub, Gen.OneOf(BinaryOperators), sub, (a, op, b) => $"({a} {op} {b})")),
            (1, Gen.Select(Gen.OneOf("-", "+", "not ", "~"), sub, (op, a) => op + a)),
            (1, Gen.Select(sub, sub, sub, (a, b, c) => $"({a} if {b} else {c})")),
            (1, Gen.Select(sub, Gen.OneOf("<", "<=", "==", "!="), sub, Gen.OneOf("<", "<=", "==", "!="), sub, (a, o1, b, o2, c) => $"({a} {o1} {b} {o2} {c})")),
            (3, Gen.Select(Gen.OneOf(Builtins), args, (f, a) => $"{f}({a})")),
            (1, Gen.Select(sub, Gen.OneOf("reverse=True", "key=lambda x: -x", "key=len", "key=str", "key=lambda x: x[0]"), (a, k) => $"sorted({a}, {k})")),
            (3, Gen.Select(sub, Gen.OneOf(Methods), args, (r, m, a) => $"{r}.{m}({a})")),
            (1, Gen.Select(sub, Gen.OneOf("a", "b", "type", "keys", "x"), (r, m) => $"{r}.{m}")),
            (2, Gen.Select(sub, sub, (a, i) => $"{a}[{i}]")),
            (2, Gen.Select(sub, Slice(sub), (a, s) => $"{a}[{s}]")),
            (2, Gen.Select(sub.Array[0, 4], Gen.Int[0, 2], (items, kind) => kind switch
            {
                0 => "[" + string.Join(", ", items) + "]",
                1 => "(" + string.Join(", ", items) + (items.Length == 1 ? ",)" : ")"),
                _ => "{" + string.Join(", ", items.Select((x, i) => $"{x}: {i}")) + "}",
            })),
            (2, Gen.Select(sub, sub, sub, Gen.Int[0, 3], (a, b, c, kind) => kind switch
            {
                0 => $"[{a} for x in {b}]",
                1 => $"[{a} for x in {b} if {c}]",
                2 => $"sum({a} for x in {b})",
                _ => $"any({a} for x in {b} for y in {c})",
            })),
            (1, Gen.Select(sub, sub, (body, a) => $"(lambda x: {body})({a})")),
            (1, Gen.Select(FormatString, args, (fmt, a) => $"{fmt}.format({a})")),
            (1, Gen.Select(sub, FormatSpec, (a, spec) => $"format({a}, {Literal(spec)})")),
            (1, Gen.Select(sub, Gen.Int[0, 7], (a, k) => $"{a} * 10 ** {k}")));
    }

    private static Gen<string> Atom => Gen.Frequency(
        (4, Int),
        (2, Float),
        (4, Str),
        (3, Gen.OneOf(Variables)),
        (1, Gen.OneOf("True", "False", "None", "[]", "()", "{}", "x", "undefined")));

    public static Gen<string> Int => Gen.Frequency(
        (6, Gen.Int[-100, 100].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.String[Gen.Char['0', '9'], 19, 400].Select(d => "1" + d)),
        (1, Gen.OneOf("0x1F", "0o17", "0b101", "1_000_000", "00", "0_0", "2 ** 64", "2 ** 1000", "-2 ** 63", "0xFFFFFFFFFFFFFFFFFFFF", "10 ** 4299")));

    private static Gen<string> Float => Gen.Frequency(
        (3, Gen.Double.Select(x => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "1e400")),
        (3, Gen.Double[-1000, 1000].Select(x => x.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1e308", "1e-320", ".5", "5.", "1.5e3", "float('nan')", "float('inf')", "1e400", "-0.0", "5e-324")));

    public static Gen<string> Str => Gen.Select(StrContent, Gen.Int[0, 4], (content, style) => style switch
    {
        0 => Literal(content),
        1 => "\"" + Escape(content, '"') + "\"",
        2 => "r'" + content.Replace("\\", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal) + "'",
        3 => "'''" + Escape(content, '\'') + "'''",
        _ => Literal(content) + " " + Literal(content),
    });

    /// <summary>String contents: text, escapes, surrogates (paired and lone), astral, format and template braces.</summary>
    public static Gen<string> StrContent => Gen.Frequency(
        (6, Gen.String[Gen.Char["abc xyz019.-_:/"], 0, 12]),
        (2, Gen.String[Gen.Char, 0, 8]),
        (2, Gen.OneOf("{}", "{0}", "{x}", "${v}", "{{", "}}", "%s", "{:>1000000}", "😀", "\ud800", "\udc00", "é", "\u0085", "\u2028", "\0", "ß", "İ", "\ufeff", "\t", "\n")),
        (1, Gen.String[Gen.Char["ab"], 1000, 20000]));

    public static Gen<string> Slice(Gen<string> sub) => Gen.Select(sub, sub, sub, Gen.Int[0, 4], (a, b, c, kind) => kind switch
    {
        0 => $"{a}:{b}",
        1 => $"{a}:{b}:{c}",
        2 => $"::{c}",
        3 => $":{b}",
        _ => $"{a}:",
    });

    public static Gen<string> FormatSpec => Gen.Frequency(
        (4, Gen.Select(Gen.OneOf("", "<", ">", "^", "=", "*<", "0>"), Gen.OneOf("", "+", "-", " "), Gen.OneOf("", "#", "0"), Gen.OneOf("", "5", "20", "1000000", "999999999999", "2147483648"), Gen.OneOf("", ",", "_"), Gen.OneOf("", ".3", ".0", ".1000000", ".99999999999"), Gen.OneOf("", "d", "f", "e", "g", "x", "X", "o", "b", "s", "%", "c", "n", "E", "G"), (a, s, h, w, g, p, t) => a + s + h + w + g + p + t)),
        (1, Gen.String[Gen.Char["<>^=+- #0123456789,_.dfegxXobsc%{}!:r"], 0, 12]));

    private static Gen<string> FormatString => Gen.Select(Gen.OneOf("", "0", "1", "x", "a.b", "0[0]", "a[b]", "0.real", "!r", "0!s", "0!a"), FormatSpec, Gen.OneOf("{", "{{", "}", "", "x"), (name, spec, junk) =>
        Literal("<{" + name + (spec.Length > 0 ? ":" + spec : "") + "}>" + junk));

    /// <summary>A single-quoted Python literal for <paramref name="text"/> (lone surrogates as \u escapes).</summary>
    public static string Literal(string text) => "'" + Escape(text, '\'') + "'";

    private static string Escape(string text, char quote)
    {
        var sb = new StringBuilder(text.Length + 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when c == quote => "\\" + c,
                _ when c < ' ' || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
