namespace MqttKube.JsonPath;

/// <summary>
/// Recursive-descent parser for RFC 9535 (the ABNF of its appendix A, strictly), plus the
/// compatibility forms of <see cref="JsonPathSyntax.Locus"/>. Errors carry a 1-based column.
/// </summary>
internal sealed partial class JsonPathParser
{
    /// <summary>How deep filters, parentheses and function calls may nest (the parser and the evaluator recurse).</summary>
    public const int MaxNesting = 64;

    private readonly string text;
    private int end;
    private int pos;
    private int nesting;

    private JsonPathParser(string text)
    {
        this.text = text;
        end = text.Length;
    }

    public static JsonPathQuery Parse(string text, JsonPathSyntax syntax)
    {
        var parser = new JsonPathParser(text);
        return syntax == JsonPathSyntax.Strict ? parser.ParseStrict() : parser.ParseLocus();
    }

    private bool More => pos < end;

    private char Cur => pos < end ? text[pos] : '\0';

    private JsonPathQuery ParseStrict()
    {
        if (!More)
        {
            throw Error("empty query: a JSONPath query starts with '$'");
        }

        if (Cur != '$')
        {
            throw Error($"a JSONPath query starts with '$', not {Describe()}");
        }

        pos++;
        var segments = ParseSegments();
        ExpectEnd();
        return new JsonPathQuery(text, false, segments);
    }

    private void ExpectEnd()
    {
        if (More)
        {
            throw Error(IsBlank(Cur) ? "unexpected whitespace at the end of the query" : $"unexpected {Describe()}");
        }
    }

    /// <summary><c>*(S segment)</c>; leaves the position before any whitespace that does not precede a segment.</summary>
    private List<Segment> ParseSegments()
    {
        var segments = new List<Segment>();
        while (true)
        {
            var save = pos;
            SkipBlanks();
            if (Cur == '[')
            {
                var column = Column;
                segments.Add(new Segment(false, ParseBracketed(), column));
            }
            else if (Cur == '.')
            {
                var column = Column;
                pos++;
                var descendant = Cur == '.';
                if (descendant)
                {
                    pos++;
                }

                segments.Add(new Segment(descendant, ParseDotted(descendant), column));
            }
            else
            {
                pos = save;
                return segments;
            }
        }
    }

    /// <summary>After <c>.</c> or <c>..</c>: a wildcard, a member name, or (after <c>..</c> only) a bracketed selection.</summary>
    private List<Selector> ParseDotted(bool descendant)
    {
        var column = Column;
        if (Cur == '*')
        {
            pos++;
            return [new WildcardSelector { Column = column }];
        }

        if (descendant && Cur == '[')
        {
            return ParseBracketed();
        }

        if (!IsNameFirst())
        {
            throw Error(descendant
                ? $"expected a member name, '*' or '[' after '..', not {Describe()}"
                : $"expected a member name or '*' after '.', not {Describe()}");
        }

        return [new NameSelector(ParseShorthandName()) { Column = column }];
    }

    /// <summary><c>"[" S selector *(S "," S selector) S "]"</c></summary>
    private List<Selector> ParseBracketed()
    {
        pos++; // '['
        var selectors = new List<Selector>();
        while (true)
        {
            SkipBlanks();
            selectors.Add(ParseSelector());
            SkipBlanks();
            if (Cur == ',')
            {
                pos++;
                continue;
            }

            if (Cur == ']')
            {
                pos++;
                return selectors;
            }

            throw Error($"expected ',' or ']', not {Describe()}");
        }
    }

    private Selector ParseSelector()
    {
        var column = Column;
        switch (Cur)
        {
            case '\'' or '"':
                return new NameSelector(ParseStringLiteral()) { Column = column };
            case '*':
                pos++;
                return new WildcardSelector { Column = column };
            case '?':
                pos++;
                SkipBlanks();
                return new FilterSelector(ParseLogicalOr()) { Column = column };
            case ':' or '-' or (>= '0' and <= '9'):
                return ParseIndexOrSlice(column);
            default:
                throw Error($"expected a selector (a quoted name, '*', an index, a slice or a '?' filter), not {Describe()}");
        }
    }

    private Selector ParseIndexOrSlice(int column)
    {
        long? start = Cur == ':' ? null : ParseInt();
        SkipBlanksIf(start is not null);
        if (Cur != ':')
        {
            return new IndexSelector(start!.Value) { Column = column };
        }

        pos++;
        SkipBlanks();
        long? end = IsIntStart ? ParseInt() : null;
        SkipBlanks();
        long? step = null;
        if (Cur == ':')
        {
            pos++;
            SkipBlanks();
            step = IsIntStart ? ParseInt() : null;
        }

        return new SliceSelector(start, end, step) { Column = column };
    }

    private void SkipBlanksIf(bool condition)
    {
        if (condition)
        {
            var save = pos;
            SkipBlanks();
            if (Cur != ':')
            {
                pos = save; // whitespace after an index is the caller's
            }
        }
    }

    private bool IsIntStart => Cur == '-' || char.IsAsciiDigit(Cur);

    private int Column => pos + 1;

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\r';

    private void SkipBlanks()
    {
        while (More && IsBlank(Cur))
        {
            pos++;
        }
    }

    private string Describe() => !More ? "the end of the query" : Cur switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        '\n' or '\r' => "a line break",
        _ => $"'{Cur}'",
    };

    /// <summary>One level deeper into a filter, a parenthesis or a function call; an error past <see cref="MaxNesting"/>.</summary>
    private void Enter()
    {
        if (++nesting > MaxNesting)
        {
            throw Error($"filters, parentheses and function calls nest more than {MaxNesting} levels deep here");
        }
    }

    private JsonPathException Error(string message) => new(Column, message);

    private JsonPathException Error(int column, string message) => new(column, message);
}
