using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Rbac;

/// <summary>The output of <c>mqtt-kube rbac</c> parsed back with YamlDotNet: documents and their rules.</summary>
internal sealed class RbacDocuments
{
    private RbacDocuments(IReadOnlyList<YamlMappingNode> documents) => Documents = documents;

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    /// <summary><c>Kind namespace/name</c> of each document, in order (<c>ClusterRole -/mqtt-kube:iot</c>).</summary>
    public IReadOnlyList<string> Summary => [.. Documents.Select(d => $"{Kind(d)} {Namespace(d) ?? "-"}/{Name(d)}")];

    public static RbacDocuments Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new RbacDocuments([.. stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode))]);
    }

    /// <summary>Each rule of the Role in <paramref name="ns"/> (null: the ClusterRole) as <c>group/plural[names]: verbs</c>.</summary>
    public IReadOnlyList<string> Rules(string? ns)
    {
        var role = Documents.Single(d => Kind(d) == (ns is null ? "ClusterRole" : "Role") && Namespace(d) == ns);
        return [.. ((YamlSequenceNode)role["rules"]).Children.Cast<YamlMappingNode>().Select(Describe)];
    }

    public static string Kind(YamlMappingNode document) => Scalar(document, "kind")!;

    public static string Name(YamlMappingNode document) => Scalar((YamlMappingNode)document["metadata"], "name")!;

    public static string? Namespace(YamlMappingNode document) => Scalar((YamlMappingNode)document["metadata"], "namespace");

    private static string Describe(YamlMappingNode rule)
    {
        string List(string key) => rule.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? string.Join(",", ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value))
            : string.Empty;

        var names = List("resourceNames");
        return $"{List("apiGroups")}/{List("resources")}{(names.Length > 0 ? $"[{names}]" : "")}: {List("verbs")}";
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
