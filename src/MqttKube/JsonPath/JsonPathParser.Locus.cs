namespace MqttKube.JsonPath;

/// <summary>The locus syntax: trimming, kubectl braces and an implied leading <c>$</c> (see <see cref="JsonPathSyntax.Locus"/>).</summary>
internal sealed partial class JsonPathParser
{
    private JsonPathQuery ParseLocus()
    {
        while (More && IsBlank(Cur))
        {
            pos++;
        }

        while (end > pos && IsBlank(text[end - 1]))
        {
            end--;
        }

        var braces = More && Cur == '{';
        if (braces)
        {
            if (text[end - 1] != '}')
            {
                pos = end;
                throw Error("expected '}' to close the '{' of a kubectl-style expression");
            }

            pos++;
            end--;
            SkipBlanks();
            while (end > pos && IsBlank(text[end - 1]))
            {
                end--;
            }
        }

        if (!More)
        {
            throw Error("empty query");
        }

        List<Segment> segments = [];
        if (Cur == '$')
        {
            pos++;
        }
        else if (Cur != '.' && Cur != '[')
        {
            // `status.replicas` reads as `$.status.replicas`.
            var column = Column;
            if (!IsNameFirst())
            {
                throw Error($"expected '$', '.', '[' or a member name, not {Describe()}");
            }

            segments.Add(new Segment(false, [new NameSelector(ParseShorthandName()) { Column = column }], column));
        }

        segments.AddRange(ParseSegments());
        if (braces && More && Cur == '}')
        {
            throw Error("only a single {…} expression is supported");
        }

        ExpectEnd();
        return new JsonPathQuery(text, false, segments);
    }
}
