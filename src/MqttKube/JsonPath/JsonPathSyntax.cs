namespace MqttKube.JsonPath;

/// <summary>Which JSONPath dialect a query is parsed in.</summary>
internal enum JsonPathSyntax
{
    /// <summary>RFC 9535 only: exactly what the compliance suite accepts.</summary>
    Strict,

    /// <summary>
    /// RFC 9535 plus the compatibility forms a locus accepts (SPEC 6), the default for configs:
    /// <list type="bullet">
    /// <item>Leading and trailing whitespace (space, tab, CR, LF) around the whole text is ignored.</item>
    /// <item>kubectl-style braces: the whole text may be wrapped in one <c>{…}</c> pair
    /// (<c>{.status.replicas}</c>, <c>{$.a.b}</c>); only a single expression, no <c>{range}</c>
    /// or several <c>{…}{…}</c> templates.</item>
    /// <item>The leading <c>$</c> may be omitted: a text that starts with <c>.</c>, <c>..</c> or <c>[</c>
    /// is read as if <c>$</c> came first (<c>.status.x</c>, <c>[0]</c>), and one that starts with a
    /// member-name-shorthand character is read as if <c>$.</c> came first (<c>status.availableReplicas</c>).</item>
    /// <item>Goessner/kubectl-style filters <c>[?(@.name=='app')]</c> and <c>[?(@.name=="app")]</c>:
    /// these are already RFC 9535 (a parenthesised logical expression), so they are accepted in
    /// both syntaxes. Goessner script expressions (<c>[(@.length-1)]</c>) are not supported.</item>
    /// </list>
    /// Everything else is parsed exactly as in <see cref="Strict"/>.
    /// </summary>
    Locus,
}
