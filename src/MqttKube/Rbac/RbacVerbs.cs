namespace MqttKube.Rbac;

/// <summary>The Kubernetes API verbs the service uses (never <c>*</c>).</summary>
internal static class RbacVerbs
{
    public const string Get = "get";
    public const string List = "list";
    public const string Watch = "watch";
    public const string Create = "create";
    public const string Patch = "patch";
    public const string Update = "update";
    public const string Delete = "delete";
}
