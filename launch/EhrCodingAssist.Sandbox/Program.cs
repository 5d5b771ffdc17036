var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point; public so tests can host the sandbox.</summary>
public partial class Program;
