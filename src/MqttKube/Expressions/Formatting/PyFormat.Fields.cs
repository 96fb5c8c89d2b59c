namespace MqttKube.Expressions.Formatting;

internal static partial class PyFormat
{
    private static string RenderField(string field, State state, int recursion)
    {
        // Split "name!conv:spec" (brackets in the name may hold ':' or '!').
        var nameEnd = 0;
        while (nameEnd < field.Length && field[nameEnd] is not (':' or '!'))
        {
            if (field[nameEnd] == '[')
            {
                var close = field.IndexOf(']', nameEnd);
                nameEnd = close < 0 ? field.Length : close;
            }

            nameEnd++;
        }

        nameEnd = Math.Min(nameEnd, field.Length);
        var name = field[..nameEnd];
        char? conversion = null;
        var spec = string.Empty;
        var rest = field[nameEnd..];
        if (rest.StartsWith('!'))
        {
            if (rest.Length < 2)
            {
                throw PyException.Value("end of string while looking for conversion specifier");
            }

            conversion = rest[1];
            rest = rest[2..];
            if (rest.Length > 0 && rest[0] != ':')
            {
                throw PyException.Value("expected ':' after conversion specifier");
            }
        }

        if (rest.StartsWith(':'))
        {
            spec = rest[1..];
        }

        var value = Resolve(name, state);
        value = conversion switch
        {
            null => value,
            'r' => new PyStr(value.Repr()),
            's' => new PyStr(value.Str()),
            'a' => new PyStr(Ascii(value.Repr())),
            _ => throw PyException.Value("Unknown conversion specifier " + conversion),
        };
        if (spec.Contains('{') || spec.Contains('}'))
        {
            spec = Render(spec, state, recursion - 1);
        }

        return FormatValue(value, spec);
    }

    private static PyValue Resolve(string name, State state)
    {
        var i = 0;
        while (i < name.Length && name[i] is not ('.' or '['))
        {
            i++;
        }

        var first = name[..i];
        PyValue value;
        if (first.Length == 0)
        {
            if (state.AutoIndex == -2)
            {
                throw PyException.Value("cannot switch from manual field specification to automatic field numbering");
            }

            var index = Math.Max(0, state.AutoIndex);
            state.AutoIndex = index + 1;
            value = Positional(state, index);
        }
        else if (first.All(char.IsAsciiDigit))
        {
            if (state.AutoIndex > 0)
            {
                throw PyException.Value("cannot switch from automatic field numbering to manual field specification");
            }

            state.AutoIndex = -2;
            value = Positional(state, FieldIndex(first));
        }
        else
        {
            value = state.Named.TryGetValue(first, out var v) ? v : throw PyException.Key(new PyStr(first));
        }

        while (i < name.Length)
        {
            if (name[i] == '.')
            {
                var j = i + 1;
                while (j < name.Length && name[j] is not ('.' or '['))
                {
                    j++;
                }

                var attribute = name[(i + 1)..j];
                if (attribute.Length == 0)
                {
                    throw PyException.Value("Empty attribute in format string");
                }

                value = value is PyDict d && d.TryGet(attribute, out var found)
                    ? found
                    : throw PyException.Attribute("'" + value.TypeName + "' object has no attribute '" + attribute + "'");
                i = j;
            }
            else if (name[i] == '[')
            {
                var close = name.IndexOf(']', i);
                if (close < 0)
                {
                    throw PyException.Value("Missing ']' in format string");
                }

                var key = name[(i + 1)..close];
                if (key.Length == 0)
                {
                    throw PyException.Value("Empty attribute in format string");
                }

                PyValue index = key.All(char.IsAsciiDigit) ? PyInt.From(FieldIndex(key)) : new PyStr(key);
                value = PyOps.GetItem(value, index);
                i = close + 1;
                if (i < name.Length && name[i] is not ('.' or '['))
                {
                    throw PyException.Value("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
        }

        return value;
    }

    /// <summary>A decimal field number or <c>[index]</c>; CPython refuses one that does not fit a Py_ssize_t.</summary>
    private static long FieldIndex(string digits) =>
        long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw PyException.Value("Too many decimal digits in format string");

    private static PyValue Positional(State state, long index) =>
        index < state.Positional.Count
            ? state.Positional[(int)index]
            : throw PyException.Index("Replacement index " + index + " out of range for positional args tuple");

    private static string Ascii(string repr)
    {
        var text = new TextBuilder();
        foreach (var rune in repr.EnumerateRunes())
        {
            var v = rune.Value;
            text.Append(v < 0x80 ? rune.ToString() : v < 0x100 ? "\\x" + v.ToString("x2") : v < 0x10000 ? "\\u" + v.ToString("x4") : "\\U" + v.ToString("x8"));
        }

        return text.ToString();
    }
}
