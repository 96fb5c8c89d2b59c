using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// JSON value equality and order as RFC 9535 compares them: deep equality, numbers by value
/// (<c>1 == 1.0</c>), strings by Unicode scalar values, no coercion between types.
/// </summary>
internal static class JsonValueComparer
{
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => DeepEquals(a, b, null);

    /// <summary>Deep equality; each pair of nodes compared costs a step of <paramref name="context"/>'s budget.</summary>
    /// <exception cref="InsufficientExecutionStackException">The values are nested too deeply to compare.</exception>
    public static bool DeepEquals(JsonNode? a, JsonNode? b, JsonPathContext? context)
    {
        if (ReferenceEquals(a, b))
        {
            return true; // the same node (JSON has no NaN)
        }

        context?.Spend(1);
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var ka = Kind(a);
        var kb = Kind(b);
        if (ka != kb)
        {
            return false;
        }

        switch (ka)
        {
            case JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return CompareNumbers((JsonValue)a!, (JsonValue)b!) == 0;
            case JsonValueKind.String:
                return string.Equals(a!.GetValue<string>(), b!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                {
                    var x = (JsonArray)a!;
                    var y = (JsonArray)b!;
                    if (x.Count != y.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < x.Count; i++)
                    {
                        if (!DeepEquals(x[i], y[i], context))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                {
                    var x = (JsonObject)a!;
                    var y = (JsonObject)b!;
                    if (x.Count != y.Count)
                    {
                        return false;
                    }

                    foreach (var (name, value) in x)
                    {
                        if (!y.TryGetPropertyValue(name, out var other) || !DeepEquals(value, other, context))
                        {
                            return false;
                        }
                    }

                    return true;
                }
        }
    }

    /// <summary><c>a &lt; b</c>: only between two numbers or two strings.</summary>
    public static bool IsLess(JsonNode? a, JsonNode? b)
    {
        var ka = Kind(a);
        if (ka != Kind(b))
        {
            return false;
        }

        return ka switch
        {
            JsonValueKind.Number => CompareNumbers((JsonValue)a!, (JsonValue)b!) < 0,
            JsonValueKind.String => CompareScalars(a!.GetValue<string>(), b!.GetValue<string>()) < 0,
            _ => false,
        };
    }

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Compares two JSON numbers by value: exactly as decimals when both fit, else as doubles.</summary>
    public static int CompareNumbers(JsonValue a, JsonValue b)
    {
        var (da, fa) = ToNumber(a);
        var (db, fb) = ToNumber(b);
        return da is { } x && db is { } y ? x.CompareTo(y) : fa.CompareTo(fb);
    }

    private static (decimal? Exact, double Approx) ToNumber(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDecimal(out var d) ? (d, (double)d) : (null, Parse(element.GetRawText()));
        }

        if (value.TryGetValue<int>(out var i))
        {
            return (i, i);
        }

        if (value.TryGetValue<long>(out var l))
        {
            return (l, l);
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return (m, (double)m);
        }

        if (value.TryGetValue<double>(out var f))
        {
            return (Exact(f), f);
        }

        var text = value.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dd) ? (dd, (double)dd) : (null, Parse(text));
    }

    private static decimal? Exact(double f) =>
        double.IsFinite(f) && Math.Abs(f) < 7.9e27 ? (decimal)f : null;

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Ordinal comparison by code point (UTF-16 order differs above U+E000 vs surrogates).</summary>
    public static int CompareScalars(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                return Weight(x).CompareTo(Weight(y));
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    // Surrogates encode code points above U+FFFF, so they sort after every other UTF-16 unit.
    private static int Weight(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
