namespace MqttKube.Mqtt;

/// <summary>What is wrong with a topic name or filter (<see cref="MqttTopic.Check"/>).</summary>
internal enum TopicProblem
{
    None,

    Empty,

    /// <summary>It contains a NUL character.</summary>
    Nul,

    /// <summary>A topic that is published to contains <c>+</c> or <c>#</c>.</summary>
    WildcardInName,

    /// <summary><c>+</c> not a whole level, or <c>#</c> not the whole last level.</summary>
    MisplacedWildcard,
}
