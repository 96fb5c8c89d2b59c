namespace MqttKube.Expressions;

internal sealed partial class PyDict
{
    /// <summary>Builds a dict; setting an existing key keeps its position and replaces its value (CPython order).</summary>
    public sealed class Builder
    {
        private readonly List<PyValue> keys = [];
        private readonly List<PyValue> values = [];
        private readonly Dictionary<PyValue, int> index = new(PyKeyComparer.Instance);

        public int Count => keys.Count;

        public void Set(PyValue key, PyValue value)
        {
            PyKeyComparer.CheckHashable(key);
            if (index.TryGetValue(key, out var i))
            {
                values[i] = value;
                return;
            }

            index[key] = keys.Count;
            keys.Add(key);
            values.Add(value);
        }

        public PyDict Build() => keys.Count == 0 ? Empty : new PyDict([.. keys], [.. values]);
    }
}
