namespace MqttKube.Expressions;

/// <summary>The dict methods; the name table is source-generated.</summary>
internal static partial class DictMethods
{
    internal static partial PyBuiltinFunction? Lookup(string name);

    [PyBuiltin("get")]
    private static PyValue Get(in CallArgs a)
    {
        a.Expect(1, 2);
        return a.SelfAs<PyDict>().TryGet(a[0], out var value) ? value : a.Get(1) ?? PyNone.Instance;
    }

    [PyBuiltin("keys")]
    private static PyValue Keys(in CallArgs a)
    {
        a.Expect(0, 0);
        var dict = a.SelfAs<PyDict>();
        WorkMeter.Items(dict.Count);
        return new PyDictView("dict_keys", dict, dict.Keys.ToArray());
    }

    [PyBuiltin("values")]
    private static PyValue Values(in CallArgs a)
    {
        a.Expect(0, 0);
        var dict = a.SelfAs<PyDict>();
        WorkMeter.Items(dict.Count);
        return new PyDictView("dict_values", dict, dict.Values.ToArray());
    }

    [PyBuiltin("items")]
    private static PyValue Items(in CallArgs a)
    {
        a.Expect(0, 0);
        var dict = a.SelfAs<PyDict>();
        WorkMeter.Values(dict.Count);
        var items = new PyValue[dict.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new PyTuple([dict.Keys[i], dict.Values[i]]);
        }

        return new PyDictView("dict_items", dict, items);
    }
}
