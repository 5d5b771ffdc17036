using EhrCodingAssist.Web.Pages.Queries;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Tests.Queries;

public sealed class OpenQueriesViewComponentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrca-openqueries-").FullName;

    [Theory]
    [InlineData("Physician", QueryScenario.Attending, "2 open documentation queries")]
    [InlineData("Physician", QueryScenario.OtherPhysician, "0 open documentation queries")]
    [InlineData("Cdi", QueryScenario.Cdi, "Documentation queries: 2 awaiting an answer, 1 not written to the chart")]
    public async Task Invoke_EncounterWithQueries_CountsWhatNeedsAttention(string role, string user, string expected)
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "v.db")};Pooling=False").Options);
        await db.Database.MigrateAsync();
        db.Queries.AddRange(
            Query("a", QueryState.Sent, WriteStatus.None),
            Query("b", QueryState.Sent, WriteStatus.None),
            Query("c", QueryState.Answered, WriteStatus.NotWritten),
            Query("d", QueryState.Answered, WriteStatus.Written));
        await db.SaveChangesAsync();
        var session = new SmartSession
        {
            Id = "s", Registration = "t", FhirBase = new Uri("http://ehr/fhir"), EncounterId = "e1", FhirUser = user,
            GrantedScopes = new HashSet<string>(), Role = Enum.Parse<AppRole>(role),
        };
        var component = new OpenQueriesViewComponent(new FixedSession(session), db)
        {
            ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = new DefaultHttpContext() } },
        };

        var result = Assert.IsType<HtmlContentViewComponentResult>(await component.InvokeAsync());

        Assert.Contains($">{expected}</a>", ((HtmlString)result.EncodedContent).Value, StringComparison.Ordinal);
    }

    private static QueryRecord Query(string id, QueryState state, WriteStatus write) => new()
    {
        Id = id, FhirBase = "http://ehr/fhir", EncounterId = "e1", RuleId = "r", RuleVersion = "1", Topic = "t", Title = "t", Text = "x",
        Author = QueryScenario.Cdi, Recipient = QueryScenario.Attending, State = state, WriteStatus = write, CreatedAt = DateTimeOffset.UtcNow,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private sealed class FixedSession(SmartSession session) : ISmartSessionAccessor
    {
        public SmartSession? Current => session;

        public void SelectEncounter(string encounterId) => throw new NotSupportedException();
    }
}
