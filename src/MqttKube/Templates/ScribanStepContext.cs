using System.Numerics;
using Scriban.Runtime;
using Scriban.Syntax;

namespace MqttKube.Templates;

/// <summary>
/// Scriban's context with what its own limits do not count, as the Python expressions' budget does (SPEC 5): every
/// evaluation step (so no template can run long, whatever a payload says), and the size of every integer (Scriban
/// grows numbers beyond 64 bits without end: squared in a loop they would take all memory and time).
/// </summary>
internal sealed class ScribanStepContext(ScriptObject builtins) : Scriban.TemplateContext(builtins)
{
    /// <summary>Evaluation steps of one scalar.</summary>
    public const int MaxSteps = 100_000;

    private int steps;

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (++steps > MaxSteps)
        {
            throw new ScriptRuntimeException(scriptNode?.Span ?? default, $"the template took more than {MaxSteps} steps");
        }

        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (value is BigInteger big && big.GetBitLength() > Expressions.PyInt.MaxBits)
        {
            throw new ScriptRuntimeException(scriptNode?.Span ?? default, $"a number of {big.GetBitLength()} bits: at most {Expressions.PyInt.MaxBits} are allowed");
        }

        return value;
    }
}
