namespace MqttKube.Templates;

/// <summary>What a place in a launch template must hold, for the Kubernetes API and for the product, which reads it.</summary>
internal enum TemplateField
{
    /// <summary>Any value.</summary>
    Any,

    /// <summary>The object itself.</summary>
    Root,

    /// <summary>An object's metadata (the object's own, or a pod or job template's): a mapping.</summary>
    Metadata,

    /// <summary><c>labels</c> and <c>annotations</c>: a mapping of strings.</summary>
    StringMap,

    /// <summary><c>apiVersion</c>, <c>kind</c>, <c>namespace</c>, a label or annotation value: a string.</summary>
    Text,

    /// <summary><c>name</c>, <c>generateName</c>: a string usable as one segment of an API path.</summary>
    Name,
}
