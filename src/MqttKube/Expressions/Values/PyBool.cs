namespace MqttKube.Expressions;

/// <summary>True or False; numerically 1 and 0 (<c>True == 1</c>, <c>True + 1 == 2</c>).</summary>
internal sealed class PyBool : PyValue
{
    public static new readonly PyBool True = new(true);
    public static new readonly PyBool False = new(false);

    private PyBool(bool value) => Value = value;

    public bool Value { get; }

    public override string TypeName => "bool";

    public override bool IsTruthy => Value;

    public override void WriteRepr(TextBuilder writer) => writer.Append(Value ? "True" : "False");
}
