using CsCheck;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// Typed expressions (int, str, list) and invariants over them that hold in CPython: when every part evaluates,
/// the invariant must evaluate to True.
/// </summary>
internal static partial class ExpressionGen
{
    /// <summary>An invariant's text and the parts it is built from.</summary>
    public sealed record Invariant(string Text, string[] Parts)
    {
        public override string ToString() => Text;
    }

    public static Gen<string> IntExpr(int depth)
    {
        var atom = Gen.Frequency((5, Int), (1, Gen.OneOf("n", "len(s)", "len(l)", "d['a']")));
        if (depth == 0)
        {
            return atom;
        }

        var i = IntExpr(depth - 1);
        var s = StrExpr(depth - 1);
        var small = Gen.Int[0, 6].Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Gen.Frequency(
            (4, atom),
            (3, Gen.Select(i, Gen.OneOf("+", "-", "*", "//", "%", "&", "|", "^"), i, (a, op, b) => $"({a} {op} {b})")),
            (1, Gen.Select(i, small, (a, k) => $"({a} ** {k})")),
            (1, Gen.Select(i, small, Gen.OneOf("<<", ">>"), (a, k, op) => $"({a} {op} {k})")),
            (1, Gen.Select(Gen.OneOf("-", "~", "abs", "int", "round"), i, (f, a) => f is "-" or "~" ? $"({f}{a})" : $"{f}({a})")),
            (1, Gen.Select(i, i, (a, b) => $"max({a}, {b})")),
            (1, Gen.Select(s, (a) => $"len({a})")),
            (1, Gen.Select(s, s, (a, b) => $"{a}.find({b})")),
            (1, Gen.Select(i, (a) => $"int(str({a}))")),
            (1, Gen.Select(IntList(depth - 1), (a) => $"sum({a})")));
    }

    public static Gen<string> StrExpr(int depth)
    {
        var atom = Gen.Frequency((5, Str), (1, Gen.OneOf("s", "v", "e", "d['type']")));
        if (depth == 0)
        {
            return atom;
        }

        var s = StrExpr(depth - 1);
        var i = IntExpr(depth - 1);
        var small = Gen.Int[-3, 6].Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Gen.Frequency(
            (4, atom),
            (3, Gen.Select(s, s, (a, b) => $"({a} + {b})")),
            (1, Gen.Select(s, small, (a, k) => $"({a} * {k})")),
            (2, Gen.Select(s, Gen.OneOf("upper", "lower", "strip", "lstrip", "rstrip"), (a, m) => $"{a}.{m}()")),
            (1, Gen.Select(s, s, s, (a, b, c) => $"{a}.replace({b}, {c})")),
            (1, Gen.Select(i, (a) => $"str({a})")),
            (1, Gen.Select(s, (a) => $"repr({a})")),
            (1, Gen.Select(s, small, small, (a, x, y) => $"{a}[{x}:{y}]")),
            (1, Gen.Select(s, StrList(depth - 1), (sep, l) => $"{sep}.join({l})")),
            (1, Gen.Select(i, Gen.OneOf("d", "x", ",", "_", ">12", "+", "b", "o", "#x"), (a, spec) => $"format({a}, '{spec}')")));
    }

    private static string Parenthesize(string text) => "(" + text + ")";

    public static Gen<string> IntList(int depth) => Gen.Frequency(
        (3, IntExpr(Math.Max(0, depth - 1)).Array[0, 5].Select(items => "[" + string.Join(", ", items) + "]")),
        (1, Gen.OneOf("[]", "[n, -n, 0]", "[len(s), 1, 2]")));

    public static Gen<string> StrList(int depth) => Gen.Frequency(
        (3, StrExpr(Math.Max(0, depth - 1)).Array[0, 5].Select(items => "[" + string.Join(", ", items) + "]")),
        (1, Gen.Select(StrExpr(0), StrExpr(0), (a, sep) => $"{a}.split({sep})")),
        (1, Gen.Select(StrExpr(0), (a) => $"list({a})")));

    /// <summary>Invariants that hold in CPython for any values of their parts.</summary>
    public static Gen<Invariant> Invariants
    {
        get
        {
            // Each part in parentheses, so an invariant means what it says whatever the part's operators.
            var i = IntExpr(3).Select(Parenthesize);
            var s = StrExpr(3).Select(Parenthesize);
            var il = IntList(2).Select(Parenthesize);
            var sl = StrList(2).Select(Parenthesize);
            var k = Gen.Int[-5, 8].Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var any = Gen.OneOf(i, s, il, sl);
            return Gen.OneOf(
                Gen.Select(i, a => new Invariant($"int(str({a})) == {a}", [a])),
                Gen.Select(i, i, (a, b) => new Invariant($"{b} == 0 or ({a} // {b}) * {b} + {a} % {b} == {a}", [a, b])),
                Gen.Select(i, i, (a, b) => new Invariant($"{b} == 0 or ({a} * {b}) // {b} == {a}", [a, b])),
                Gen.Select(i, i, (a, b) => new Invariant($"{a} + {b} - {b} == {a} and {a} * {b} == {b} * {a}", [a, b])),
                Gen.Select(i, i, (a, b) => new Invariant($"({a} < {b}) + ({a} == {b}) + ({a} > {b}) == 1", [a, b])),
                Gen.Select(i, Gen.Int[0, 70], (a, n) => new Invariant($"({a} << {n}) >> {n} == {a}", [a])),
                Gen.Select(i, a => new Invariant($"{a} ** 2 == {a} * {a} and abs({a}) == max({a}, -{a}) and -(-{a}) == {a}", [a])),
                Gen.Select(i, a => new Invariant($"'{{}}'.format({a}) == str({a}) and format({a}, 'd') == str({a})", [a])),
                Gen.Select(s, a => new Invariant($"str({a}) == {a} and '{{}}'.format({a}) == {a} and '{{!r}}'.format({a}) == repr({a})", [a])),
                Gen.Select(s, s, (a, b) => new Invariant($"len({a} + {b}) == len({a}) + len({b})", [a, b])),
                Gen.Select(il, il, (a, b) => new Invariant($"len({a} + {b}) == len({a}) + len({b})", [a, b])),
                Gen.Select(s, k, (a, n) => new Invariant($"{a}[:{n}] + {a}[{n}:] == {a} and {a}[::-1][::-1] == {a}", [a])),
                Gen.Select(il, k, (a, n) => new Invariant($"{a}[:{n}] + {a}[{n}:] == {a} and {a}[::-1][::-1] == {a}", [a])),
                Gen.Select(s, Gen.Int[0, 5], (a, n) => new Invariant($"len({a} * {n}) == len({a}) * {n}", [a])),
                Gen.Select(il, a => new Invariant($"sorted(sorted({a})) == sorted({a}) and sum({a}) == sum({a}[::-1])", [a])),
                Gen.Select(sl, a => new Invariant($"sorted(sorted({a})) == sorted({a}) and sorted({a}, reverse=True) == sorted({a})[::-1]", [a])),
                Gen.Select(il, a => new Invariant($"len({a}) == 0 or max({a}) == sorted({a})[-1] and min({a}) == sorted({a})[0]", [a])),
                Gen.Select(s, a => new Invariant($"{a}.strip() == {a}.lstrip().rstrip()", [a])),
                Gen.Select(s, s, (a, sep) => new Invariant($"{sep} == '' or {sep}.join({a}.split({sep})) == {a}", [a, sep])),
                Gen.Select(s, s, (a, b) => new Invariant($"{a}.replace({b}, {b}) == {a} and ({a}.find({b}) == -1 or {a}[{a}.find({b}):].startswith({b}))", [a, b])),
                Gen.Select(s, s, (a, b) => new Invariant($"({a} + {b}).startswith({a}) and ({a} + {b}).endswith({b}) and ({b} in {a} + {b})", [a, b])),
                Gen.Select(any, a => new Invariant($"bool({a}) == (not not {a}) and ({a} == {a})", [a])));
        }
    }
}
