namespace MqttKube.Expressions;

/// <summary>Finds the builtin method <c>value.name</c> for str and dict receivers.</summary>
internal static class Methods
{
    public static PyBuiltinFunction? Find(PyValue receiver, string name) => receiver switch
    {
        PyStr => StrMethods.Lookup(name),
        PyDict => DictMethods.Lookup(name),
        _ => null,
    };
}
