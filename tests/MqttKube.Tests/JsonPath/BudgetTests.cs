using System.Text;
using System.Text.Json.Nodes;
using MqttKube.JsonPath;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.JsonPath;

/// <summary>
/// JSONPath evaluation is bounded by a step budget (each node visited, selected or compared, and each node of every
/// selected value, is one step): loci on real objects take a small part of it, hostile queries run out of it.
/// </summary>
public sealed class BudgetTests
{
    private static JsonNode Deployment() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestSource(Path.Combine("JsonPath", "Cases")), "deployment.json")))!;

    /// <summary>A list of 1,000 Deployment-like objects, about 1 MB of JSON.</summary>
    internal static JsonNode BigList()
    {
        var items = new JsonArray();
        for (var i = 0; i < 1000; i++)
        {
            var env = new JsonArray();
            for (var j = 0; j < 10; j++)
            {
                env.Add(new JsonObject { ["name"] = $"E{j}", ["value"] = "v" });
            }

            items.Add(new JsonObject
            {
                ["kind"] = "Deployment",
                ["metadata"] = new JsonObject { ["name"] = $"d{i}", ["labels"] = new JsonObject { ["app"] = $"d{i}" }, ["annotations"] = new JsonObject { ["x"] = new string('y', 200) } },
                ["spec"] = new JsonObject
                {
                    ["replicas"] = 1,
                    ["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx", ["env"] = env }) } },
                },
                ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Available", ["status"] = "True" }) },
            });
        }

        return new JsonObject { ["kind"] = "List", ["items"] = items };
    }

    [Theory]
    [InlineData("$.spec.template.spec.containers[?@.name=='app'].image")]
    [InlineData("$..image")]
    [InlineData("$.status.conditions[?@.type=='Available'].status")]
    [InlineData("$..[?@.containerPort > 8000]")]
    [InlineData("$")]
    public void Loci_on_a_10_KB_Deployment_take_under_1_percent_of_the_budget(string text)
    {
        Assert.True(JsonPathQuery.TryParse(text, out var query, out _));
        Assert.True(query.TryEvaluate(Deployment(), out _, out var error, budget: JsonPathContext.DefaultBudget / 100), error);
    }

    [Theory]
    [InlineData("$.items[*].metadata.name")]
    [InlineData("$.items[?@.metadata.name=='d500'].spec.replicas")]
    [InlineData("$..image")]
    [InlineData("$..[?@.name=='E3'].value")]
    [InlineData("$.items[?count(@..env[*]) == 10].metadata.name")]
    public void Loci_on_a_1_MB_list_take_under_a_quarter_of_the_budget(string text)
    {
        Assert.True(JsonPathQuery.TryParse(text, out var query, out _));
        Assert.True(query.TryEvaluate(BigList(), out var nodes, out var error, budget: JsonPathContext.DefaultBudget / 4), error);
        Assert.NotEmpty(nodes);
    }

    [Theory]
    [InlineData("$..*..*")]
    [InlineData("$..[?count($..*) > 1]")]
    [InlineData("$..[?value($..name) == 'x']")]
    public void Quadratic_queries_on_a_1_MB_list_run_out_of_budget(string text)
    {
        Assert.True(JsonPathQuery.TryParse(text, out var query, out _));
        Assert.False(query.TryEvaluate(BigList(), out _, out var error));
        Assert.Contains("the query needs more than 1,000,000 steps", error);
    }

    [Fact]
    public void Every_node_of_every_result_counts_so_a_deep_chain_cannot_multiply_its_results()
    {
        // 1,400 nested arrays: `$..*..*` selects about a million nodes that hold about 450 million between them.
        var deep = JsonNode.Parse(new StringBuilder().Append('[', 1400).Append(']', 1400).ToString(), documentOptions: new() { MaxDepth = 2000 });
        Assert.True(JsonPathQuery.TryParse("$..*..*", out var query, out _));
        Assert.False(query.TryEvaluate(deep, out _, out var error));
        Assert.Contains("steps", error);
    }

    [Fact]
    public void Counting_the_nodes_of_the_results_allocates_nothing_per_step()
    {
        // 2,000 nested arrays and objects: `$..[0]` selects 1,000 values that hold about a million nodes between them.
        JsonNode? deep = 1;
        for (var i = 0; i < 2000; i++)
        {
            deep = i % 2 == 0 ? new JsonArray(deep) : new JsonObject { ["a"] = deep };
        }

        Assert.True(JsonPathQuery.TryParse("$..[0]", out var query, out _));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(query.TryEvaluate(deep, out _, out var error));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("steps", error);
        Assert.True(allocated < 4_000_000, $"a million steps allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Thousands_of_chained_selectors_cost_steps_for_every_node_they_pass()
    {
        var text = "$..*" + string.Concat(Enumerable.Repeat("[*]", 3000));
        Assert.True(JsonPathQuery.TryParse(text, out var query, out _));
        Assert.True(query.TryEvaluate(Deployment(), out var nodes, out var error), error);
        Assert.Empty(nodes);
        Assert.False(query.TryEvaluate(BigList(), out _, out _, budget: 10_000));
    }

    [Theory]
    [InlineData(63, true)]
    [InlineData(65, false)]
    public void Filters_and_parentheses_nest_at_most_64_levels(int levels, bool valid)
    {
        var parentheses = "$[?" + new string('(', levels) + "@.a" + new string(')', levels) + "]";
        var filters = "$" + string.Concat(Enumerable.Repeat("[?@", levels)) + new string(']', levels);
        var functions = "$[?" + string.Concat(Enumerable.Repeat("length(", levels)) + "@" + new string(')', levels) + " == 1]";
        foreach (var text in new[] { parentheses, filters, functions })
        {
            Assert.Equal(valid, JsonPathQuery.TryParse(text, JsonPathSyntax.Strict, out _, out var error));
            if (!valid)
            {
                Assert.Contains("nest more than 64 levels", error!.Message);
            }
        }
    }

    [Fact]
    public void A_parenthesis_bomb_is_an_error_not_a_stack_overflow()
    {
        var text = "$[?" + new string('(', 100_000) + "@" + new string(')', 100_000) + "]";
        Assert.False(JsonPathQuery.TryParse(text, out _, out var error));
        Assert.Equal(68, error.Column); // the filter and 63 parentheses make the 64 levels allowed; the next one is refused
    }
}
