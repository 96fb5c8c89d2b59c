namespace MqttKube.JsonPath;

/// <summary>The locus syntax: trimming, kubectl braces and an implied leading <c>$</c> (see <see cref="JsonPathSyntax.Locus"/>).</summary>
internal sealed partial class JsonPathParser
{
    private JsonPathQuery ParseLocus()
    {
        while (More && IsBlank(Cur))
        {
            _pos++;
        }

        while (_end > _pos && IsBlank(_text[_end - 1]))
        {
            _end--;
        }

        var braces = More && Cur == '{';
        if (braces)
        {
            if (_text[_end - 1] != '}')
            {
                _pos = _end;
                throw Error("expected '}' to close the '{' of a kubectl-style expression");
            }

            _pos++;
            _end--;
            SkipBlanks();
            while (_end > _pos && IsBlank(_text[_end - 1]))
            {
                _end--;
            }
        }

        if (!More)
        {
            throw Error("empty query");
        }

        List<Segment> segments = [];
        if (Cur == '$')
        {
            _pos++;
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
        return new JsonPathQuery(_text, false, segments);
    }
}
