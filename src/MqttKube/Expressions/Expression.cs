using System.Runtime.InteropServices;
using MqttKube.Expressions.Ast;
using MqttKube.Expressions.Parsing;

namespace MqttKube.Expressions;

/// <summary>
/// A parsed Python expression (section 5 of the spec). Parse once with <see cref="TryParse"/>, then evaluate or
/// invoke as often as needed, from any thread (an expression is immutable).
/// </summary>
internal sealed class Expression
{
    /// <summary>Parser nesting limit (brackets, unary operators, lambdas, conditionals).</summary>
    public const int MaxParseDepth = 100;

    private readonly string[] parameters;

    private Expression(string text, Node root)
    {
        Text = text;
        Root = root;
        parameters = root is LambdaNode lambda ? ImmutableCollectionsMarshal.AsArray(lambda.Parameters)! : [];
    }

    public string Text { get; }

    /// <summary>True for a top-level <c>lambda ...: body</c>.</summary>
    public bool IsLambda => Root is LambdaNode;

    /// <summary>The lambda's parameter names (empty for other expressions).</summary>
    public IReadOnlyList<string> Parameters => parameters;

    internal Node Root { get; }

    public static bool TryParse(string text, out Expression? expression, out ExpressionError? error)
    {
        try
        {
            expression = new Expression(text, Parser.Parse(text, MaxParseDepth));
            error = null;
            return true;
        }
        catch (SyntaxException e)
        {
            expression = null;
            error = new ExpressionError(e.Column, e.Message);
            return false;
        }
        catch (InsufficientExecutionStackException)
        {
            expression = null;
            error = new ExpressionError(1, "expression nested too deeply");
            return false;
        }
    }

    /// <summary>
    /// Evaluates the expression with <paramref name="variables"/> as global names (builtins come after them).
    /// A lambda evaluates to a function value.
    /// </summary>
    public EvaluationResult Evaluate(IReadOnlyDictionary<string, PyValue>? variables = null, EvaluationLimits? limits = null) =>
        Run(variables, limits, static (evaluator, root, _) => evaluator.Eval(root, null), ReadOnlySpan<PyValue>.Empty);

    /// <summary>
    /// Calls the expression with arguments: a top-level lambda binds them to its parameters; any other expression is
    /// evaluated and its value called (so <c>int</c> or <c>str.strip</c>-like callables work as transforms).
    /// </summary>
    public EvaluationResult Invoke(ReadOnlySpan<PyValue> arguments, IReadOnlyDictionary<string, PyValue>? variables = null, EvaluationLimits? limits = null) =>
        Run(variables, limits, static (evaluator, root, args) =>
        {
            if (root is LambdaNode lambda)
            {
                return new PyLambda(lambda, null).Call(evaluator, args, default);
            }

            return evaluator.Call(evaluator.Eval(root, null), args);
        }, arguments);

    /// <summary>Calls a one-argument expression (<c>lambda v: ...</c>).</summary>
    public EvaluationResult Invoke(PyValue argument, IReadOnlyDictionary<string, PyValue>? variables = null, EvaluationLimits? limits = null) =>
        Invoke(new ReadOnlySpan<PyValue>(in argument), variables, limits);

    public override string ToString() => Text;

    private delegate PyValue Runner(Evaluator evaluator, Node root, ReadOnlySpan<PyValue> args);

    private EvaluationResult Run(IReadOnlyDictionary<string, PyValue>? variables, EvaluationLimits? limits, Runner runner, ReadOnlySpan<PyValue> args)
    {
        // Explicit limits get a meter of their own; otherwise the evaluation joins the unit of work it runs in.
        using var scope = limits is null ? WorkMeter.Join(EvaluationLimits.Default.MaxWork) : new WorkMeter(limits.MaxWork).Enter();
        limits ??= EvaluationLimits.Default;
        try
        {
            var value = runner(new Evaluator(variables, limits), Root, args);
            ResultSize.Check(value);
            return EvaluationResult.Success(value);
        }
        catch (Exception e)
        {
            // Whatever fails inside an evaluation (a Python error, a sandbox limit, a defect) is an evaluation error.
            var (type, message) = EvaluationErrors.Describe(e);
            return EvaluationResult.Failure(type, message);
        }
    }
}
