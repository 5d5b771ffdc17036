using EhrCodingAssist.Web;

var app = AppHost.Build(args);
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
