namespace MqttKube.Expressions;

internal sealed class PyFloat : PyValue
{
    public PyFloat(double value) => Value = value;

    public double Value { get; }

    public override string TypeName => "float";

    public override bool IsTruthy => Value != 0.0;

    public override void WriteRepr(TextBuilder writer)
    {
        WorkMeter.Values(1);
        writer.Append(FloatFormatter.Repr(Value));
    }
}
