namespace MqttKube.Expressions;

/// <summary>
/// Marks <c>static PyValue M(in CallArgs args)</c> in a <c>static partial</c> class as the Python builtin or method
/// <see cref="Name"/>. The MqttKube.Generators builtins generator emits the class's <c>Lookup(string)</c> table.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
internal sealed class PyBuiltinAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
