namespace MqttKube.Kubernetes;

/// <summary>The operators of a label selector term (kubectl syntax).</summary>
internal enum LabelOperator
{
    /// <summary><c>a=b</c> or <c>a==b</c>.</summary>
    Equals,

    /// <summary><c>a!=b</c>: also true when the label is missing.</summary>
    NotEquals,

    /// <summary><c>a in (x,y)</c>.</summary>
    In,

    /// <summary><c>a notin (x,y)</c>: also true when the label is missing.</summary>
    NotIn,

    /// <summary><c>a</c>.</summary>
    Exists,

    /// <summary><c>!a</c>.</summary>
    DoesNotExist,
}
