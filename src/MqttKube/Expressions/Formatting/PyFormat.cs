namespace MqttKube.Expressions.Formatting;

/// <summary>
/// Python's <c>str.format</c>: replacement fields with auto/manual numbering, names, <c>.attr</c> (a mapping key)
/// and <c>[key]</c>/<c>[0]</c>, <c>!r</c>/<c>!s</c>/<c>!a</c>, nested fields in specs, <c>{{</c>/<c>}}</c>, and the
/// full format-spec mini-language. Every width and precision is checked against the size cap before anything is
/// allocated, and the work is charged to the current <see cref="WorkMeter"/>.
/// </summary>
internal static partial class PyFormat
{
    /// <summary>True when <paramref name="format"/> has at least one <c>{…}</c> field (not counting <c>{{</c>).</summary>
    public static bool HasReplacementFields(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{')
            {
                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    public static bool TryFormat(string format, IReadOnlyList<PyValue> positional, IReadOnlyDictionary<string, PyValue> named, out string result, out string error) =>
        TryFormat(format, positional, named, out result, out error, out _);

    /// <summary>
    /// As the other overload; <paramref name="errorType"/> is the CPython exception name. The work joins the current
    /// meter (a value map's), or gets one of its own with the default evaluation limits.
    /// </summary>
    public static bool TryFormat(string format, IReadOnlyList<PyValue> positional, IReadOnlyDictionary<string, PyValue> named, out string result, out string error, out string errorType)
    {
        using var scope = WorkMeter.Join(EvaluationLimits.Default.MaxWork);
        try
        {
            result = Format(format, positional, named);
            error = errorType = string.Empty;
            return true;
        }
        catch (Exception e)
        {
            result = string.Empty;
            (errorType, error) = EvaluationErrors.Describe(e);
            return false;
        }
    }

    /// <summary>Python's <c>format.format(*positional, **named)</c>; errors are thrown as <see cref="PyException"/>.</summary>
    public static string Format(string format, IReadOnlyList<PyValue> positional, IReadOnlyDictionary<string, PyValue> named) =>
        Render(format, new State(positional, named), 2);

    /// <summary>Python's <c>format(value, spec)</c>.</summary>
    public static string FormatValue(PyValue value, string spec) => value switch
    {
        PyStr s => FormatString(s, FormatSpec.Parse(spec, '<', "str")),
        PyBool b when spec.Length == 0 => b.Str(),
        PyInt or PyBool => FormatInt(PyOps.AsInt(value)!, FormatSpec.Parse(spec, '>', "int")),
        PyFloat f => FormatFloat(f.Value, FormatSpec.Parse(spec, '>', "float")),
        _ when spec.Length == 0 => value.Str(),
        _ => throw PyException.Type("unsupported format string passed to " + value.TypeName + ".__format__"),
    };

    private sealed class State(IReadOnlyList<PyValue> positional, IReadOnlyDictionary<string, PyValue> named)
    {
        public IReadOnlyList<PyValue> Positional { get; } = positional;

        public IReadOnlyDictionary<string, PyValue> Named { get; } = named;

        /// <summary>-1 before any field; then the next automatic index, or -2 once manual numbering is used.</summary>
        public int AutoIndex { get; set; } = -1;
    }

    private static string Render(string format, State state, int recursion)
    {
        if (recursion <= 0)
        {
            throw PyException.Value("Max string recursion exceeded");
        }

        var text = new TextBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var next = format.AsSpan(i).IndexOfAny('{', '}');
            if (next < 0)
            {
                text.Append(format.AsSpan(i));
                break;
            }

            text.Append(format.AsSpan(i, next));
            i += next;
            if (format[i] == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                    continue;
                }

                throw PyException.Value("Single '}' encountered in format string");
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
                continue;
            }

            // The field's text is scanned and cut into name, conversion and spec: a few copies of it.
            var end = FieldEnd(format, i + 1);
            WorkMeter.Chars(2L * (end - i));
            text.Append(RenderField(format[(i + 1)..end], state, recursion));
            i = end + 1;
        }

        return text.ToString();
    }

    /// <summary>Index of the '}' closing the field that starts at <paramref name="start"/>.</summary>
    private static int FieldEnd(string format, int start)
    {
        var depth = 1;
        var inSpec = false;
        for (var i = start; i < format.Length; i++)
        {
            var c = format[i];
            if (!inSpec && c == '[')
            {
                var close = format.IndexOf(']', i);
                if (close < 0)
                {
                    break;
                }

                i = close;
                continue;
            }

            if (c == ':' || c == '!')
            {
                inSpec = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }

        throw PyException.Value(inSpec || format.IndexOf('[', start) < 0 ? "expected '}' before end of string" : "Missing ']' in format string");
    }
}
