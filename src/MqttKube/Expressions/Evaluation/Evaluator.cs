using System.Runtime.CompilerServices;
using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions;

/// <summary>
/// Walks an expression tree for one evaluation: each node evaluated is charged to the current <see cref="WorkMeter"/>,
/// and the depth is counted against the limit.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly IReadOnlyDictionary<string, PyValue>? globals;
    private readonly int maxDepth;
    private int depth;

    public Evaluator(IReadOnlyDictionary<string, PyValue>? globals, EvaluationLimits limits)
    {
        this.globals = globals;
        maxDepth = limits.MaxDepth;
    }

    public PyValue Eval(Node node, Frame? frame)
    {
        WorkMeter.Nodes(1);
        if (++depth > maxDepth)
        {
            throw PyException.Limit("evaluation nested too deeply (limit " + maxDepth + ")");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var value = node.Accept(this, frame);
        depth--;
        return value;
    }

    /// <summary>Calls a function value (a lambda passed as <c>key=</c>, say).</summary>
    public PyValue Call(PyValue function, ReadOnlySpan<PyValue> args)
    {
        if (function is not PyFunction f)
        {
            throw PyException.Type("'" + function.TypeName + "' object is not callable");
        }

        if (++depth > maxDepth)
        {
            throw PyException.Limit("evaluation nested too deeply (limit " + maxDepth + ")");
        }

        var result = f.Call(this, args, default);
        depth--;
        return result;
    }

    internal PyValue VisitConstant(ConstantNode node, Frame? frame) => node.Value;

    internal PyValue VisitName(NameNode node, Frame? frame)
    {
        if (frame is not null && frame.TryGet(node.Name, out var value))
        {
            return value;
        }

        if (globals is not null && globals.TryGetValue(node.Name, out var global))
        {
            return global;
        }

        return Builtins.Lookup(node.Name) ?? throw PyException.Name(node.Name);
    }

    internal PyValue VisitUnary(UnaryNode node, Frame? frame)
    {
        var operand = Eval(node.Operand, frame);
        return node.Operator switch
        {
            UnaryOperator.Not => PyOps.Bool(!operand.IsTruthy),
            UnaryOperator.Negate => PyOps.Negate(operand),
            UnaryOperator.Plus => PyOps.Plus(operand),
            _ => PyOps.Invert(operand),
        };
    }

    internal PyValue VisitBinary(BinaryNode node, Frame? frame)
    {
        var left = Eval(node.Left, frame);
        var right = Eval(node.Right, frame);
        return node.Operator switch
        {
            BinaryOperator.Add => PyOps.Add(left, right),
            BinaryOperator.Subtract => PyOps.Subtract(left, right),
            BinaryOperator.Multiply => PyOps.Multiply(left, right),
            BinaryOperator.TrueDivide => PyOps.TrueDivide(left, right),
            BinaryOperator.FloorDivide => PyOps.FloorDivide(left, right),
            BinaryOperator.Modulo => PyOps.Modulo(left, right),
            BinaryOperator.Power => PyOps.Power(left, right),
            BinaryOperator.BitAnd => PyOps.Bitwise(left, right, '&'),
            BinaryOperator.BitOr => PyOps.Bitwise(left, right, '|'),
            BinaryOperator.BitXor => PyOps.Bitwise(left, right, '^'),
            BinaryOperator.LeftShift => PyOps.Shift(left, right, true),
            _ => PyOps.Shift(left, right, false),
        };
    }

    internal PyValue VisitBoolOp(BoolOpNode node, Frame? frame)
    {
        var left = Eval(node.Left, frame);
        return left.IsTruthy == node.IsAnd ? Eval(node.Right, frame) : left;
    }

    internal PyValue VisitConditional(ConditionalNode node, Frame? frame) =>
        Eval(node.Test, frame).IsTruthy ? Eval(node.Body, frame) : Eval(node.OrElse, frame);

    internal PyValue VisitCompare(CompareNode node, Frame? frame)
    {
        var left = Eval(node.First, frame);
        for (var i = 0; i < node.Operators.Length; i++)
        {
            var right = Eval(node.Operands[i], frame);
            if (!Compare(node.Operators[i], left, right))
            {
                return PyBool.False;
            }

            left = right;
        }

        return PyBool.True;
    }

    private static bool Compare(CompareOperator op, PyValue a, PyValue b)
    {
        if (a is PyInt { IsBig: false } x && b is PyInt { IsBig: false } y)
        {
            switch (op)
            {
                case CompareOperator.Less: return x.Value < y.Value;
                case CompareOperator.LessOrEqual: return x.Value <= y.Value;
                case CompareOperator.Greater: return x.Value > y.Value;
                case CompareOperator.GreaterOrEqual: return x.Value >= y.Value;
                case CompareOperator.Equal: return x.Value == y.Value;
                case CompareOperator.NotEqual: return x.Value != y.Value;
            }
        }

        return op switch
        {
            CompareOperator.Equal => PyOps.Equal(a, b),
            CompareOperator.NotEqual => !PyOps.Equal(a, b),
            CompareOperator.Less => PyOps.Order(a, b, "<"),
            CompareOperator.LessOrEqual => PyOps.Order(a, b, "<="),
            CompareOperator.Greater => PyOps.Order(a, b, ">"),
            CompareOperator.GreaterOrEqual => PyOps.Order(a, b, ">="),
            CompareOperator.In => PyOps.Contains(b, a),
            CompareOperator.NotIn => !PyOps.Contains(b, a),
            CompareOperator.Is => PyOps.Is(a, b),
            _ => !PyOps.Is(a, b),
        };
    }
}
