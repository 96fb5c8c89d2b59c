using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.Expressions;

internal abstract partial class PyValue
{
    /// <summary>
    /// JSON to Python: object → dict (order kept), array → list, integral number text → int, other number → float,
    /// string → str, bool → bool, null → None.
    /// </summary>
    public static PyValue FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return PyNone.Instance;
            case JsonObject obj:
                var builder = new PyDict.Builder();
                foreach (var (key, value) in obj)
                {
                    builder.Set(new PyStr(key), FromJson(value));
                }

                return builder.Build();
            case JsonArray array:
                var items = new PyValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromJson(array[i]);
                }

                return new PyList(items);
        }

        var jsonValue = (JsonValue)node;
        switch (jsonValue.GetValueKind())
        {
            case JsonValueKind.String:
                return new PyStr(jsonValue.GetValue<string>());
            case JsonValueKind.True:
                return PyBool.True;
            case JsonValueKind.False:
                return PyBool.False;
            case JsonValueKind.Number:
                var text = jsonValue.ToJsonString();
                // An integer of more digits than the int cap holds is read as a float (parsing it would be quadratic).
                if (text.Length <= IntParser.MaxDigits + 1 && text.AsSpan().IndexOfAny('.', 'e', 'E') < 0
                    && BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    && integer.GetBitLength() <= PyInt.MaxBits)
                {
                    return PyInt.From(integer);
                }

                return new PyFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            default:
                return PyNone.Instance;
        }
    }

    /// <summary>
    /// Python to JSON: dict → object (keys must be str), list/tuple/dict view → array, int/float → number (float
    /// text as Python prints it), NaN/infinity and other types (functions, generators) are errors.
    /// </summary>
    public bool TryToJson(out JsonNode? node, out string? error)
    {
        try
        {
            node = ToJsonCore(this);
            error = null;
            return true;
        }
        catch (Exception e)
        {
            node = null;
            var (type, message) = EvaluationErrors.Describe(e);
            error = type + ": " + message;
            return false;
        }
    }

    private static JsonNode? ToJsonCore(PyValue value)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (value)
        {
            case PyNone:
                return null;
            case PyBool b:
                return JsonValue.Create(b.Value);
            case PyInt i:
                return i.IsBig ? JsonNode.Parse(i.Repr()) : JsonValue.Create(i.Value);
            case PyFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value))
                {
                    throw PyException.Value("Out of range float values are not JSON compliant: " + f.Repr());
                }

                return JsonNode.Parse(f.Repr());
            case PyStr s:
                return JsonValue.Create(s.Value);
            case PyList or PyTuple or PyDictView:
                var array = new JsonArray();
                foreach (var item in PyOps.Iterate(value))
                {
                    array.Add(ToJsonCore(item));
                }

                return array;
            case PyDict d:
                var obj = new JsonObject();
                for (var k = 0; k < d.Count; k++)
                {
                    if (d.Keys[k] is not PyStr key)
                    {
                        throw PyException.Type("dict keys must be str to convert to JSON, not " + d.Keys[k].TypeName);
                    }

                    obj[key.Value] = ToJsonCore(d.Values[k]);
                }

                return obj;
            default:
                throw PyException.Type("Object of type " + value.TypeName + " is not JSON serializable");
        }
    }
}
