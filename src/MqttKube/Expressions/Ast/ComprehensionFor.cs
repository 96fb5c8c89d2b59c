using System.Collections.Immutable;

namespace MqttKube.Expressions.Ast;

/// <summary>One <c>for target in iterable if c1 if c2</c> clause of a comprehension.</summary>
internal sealed record ComprehensionFor(Node Target, Node Iterable, ImmutableArray<Node> Conditions);
