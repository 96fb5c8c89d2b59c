namespace MqttKube.ValueMapping;

/// <summary>A value map's input expression: a literal, <c>re:PATTERN</c> or <c>lambda v: EXPR</c>.</summary>
internal interface IMatcher
{
    /// <summary>Whether <paramref name="value"/> matches; <paramref name="groups"/> are a regex's named groups.</summary>
    bool Matches(in MapValue value, out IReadOnlyList<KeyValuePair<string, string?>>? groups);
}
