using EhrCodingAssist.Smart.Authorization;
using EhrCodingAssist.Smart.Discovery;

namespace EhrCodingAssist.Smart.Tests.Authorization;

public sealed class SmartScopesTests
{
    [Theory]
    [InlineData("patient/Observation.rs", "patient/Observation.read")]
    [InlineData("patient/Condition.c", "patient/Condition.write")]
    [InlineData("patient/Condition.cu", "patient/Condition.write")]
    [InlineData("user/*.cruds", "user/*.*")]
    [InlineData("patient/Observation.rs?category=laboratory", "patient/Observation.read")]
    [InlineData("launch", "launch")]
    [InlineData("openid", "openid")]
    public void ToV1_V2Scope_ConvertsPermissions(string v2, string v1)
    {
        Assert.Equal(v1, SmartScopes.ToV1(v2));
    }

    [Fact]
    public void ToV1_List_DeduplicatesAndNeverLeavesV2()
    {
        var v1 = SmartScopes.ToV1(["launch", "patient/Observation.r", "patient/Observation.s", "patient/Condition.c"]);

        Assert.Equal(["launch", "patient/Observation.read", "patient/Condition.write"], v1);
        Assert.DoesNotContain(v1, SmartScopes.IsV2);
    }

    [Theory]
    [InlineData("patient/Condition.c", "Condition", 'c', true)]
    [InlineData("patient/Condition.rs", "Condition", 'c', false)]
    [InlineData("patient/*.rs", "Observation", 's', true)]
    [InlineData("user/Condition.write", "Condition", 'u', true)]
    [InlineData("patient/Condition.read", "Condition", 'c', false)]
    [InlineData("patient/Observation.*", "Observation", 'd', true)]
    [InlineData("launch openid", "Condition", 'r', false)]
    public void Allows_GrantedScopes_GatesPermission(string granted, string type, char permission, bool expected)
    {
        Assert.Equal(expected, SmartScopes.Allows(SmartScopes.Split(granted), type, permission));
    }

    [Fact]
    public void FirstMissing_CoveredByWildcardOrV1_ReturnsNull()
    {
        Assert.Null(SmartScopes.FirstMissing(["patient/Encounter.rs"], ["patient/*.rs"]));
        Assert.Null(SmartScopes.FirstMissing(["patient/Encounter.rs"], ["patient/Encounter.read"]));
    }

    [Fact]
    public void FirstMissing_OtherContextOrPartialPermission_NamesScope()
    {
        Assert.Equal("patient/Encounter.rs", SmartScopes.FirstMissing(["patient/Encounter.rs"], ["user/Encounter.rs"]));
        Assert.Equal("patient/Encounter.rs", SmartScopes.FirstMissing(["patient/Encounter.rs"], ["patient/Encounter.r"]));
    }

    [Theory]
    [InlineData(new[] { "permission-v2" }, null, ScopeSyntax.V2)]
    [InlineData(new[] { "permission-v1" }, null, ScopeSyntax.V1)]
    [InlineData(new[] { "permission-v1", "permission-v2" }, null, ScopeSyntax.V2)]
    [InlineData(new string[0], new[] { "patient/*.rs" }, ScopeSyntax.V2)]
    [InlineData(new string[0], new[] { "patient/*.read" }, ScopeSyntax.V1)]
    [InlineData(null, null, ScopeSyntax.V1)]
    public void Select_ServerAdvertisement_ChoosesSyntax(string[]? capabilities, string[]? scopes, ScopeSyntax expected)
    {
        var config = new SmartConfiguration { AuthorizationEndpoint = "https://a", TokenEndpoint = "https://t", Capabilities = capabilities, ScopesSupported = scopes };

        Assert.Equal(expected, ScopeSyntaxSelector.Select(config));
    }

    [Fact]
    public void Render_V1_ContainsNoV2Scope()
    {
        var scopes = ScopeSyntaxSelector.Render("launch openid patient/*.rs patient/Condition.c", ScopeSyntax.V1);

        Assert.Equal(["launch", "openid", "patient/*.read", "patient/Condition.write"], scopes);
    }
}
