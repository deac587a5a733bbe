using InLav.Web.Admin;
using InLav.Web.Components;
using InLav.Web.Datasets;
using InLav.Web.Explorer;
using InLav.Web.Geo;
using InLav.Web.Hosting;
using InLav.Web.Indicators;
using InLav.Web.Mcp;
using InLav.Web.Profiles;
using InLav.Web.Query;
using InLav.Web.Sources;
using InLav.Web.Territories;

var builder = WebApplication.CreateBuilder(args);
builder.AddInLavStore();
builder.AddInLavProfiles();
builder.AddInLavApi();
builder.AddInLavRest();
builder.AddInLavGeo();
builder.AddInLavComponents();
builder.AddInLavAnswerCaching();
builder.AddInLavMcp();

var app = builder.Build();
app.UseInLavApi();
app.UseInLavRest();
app.UseInLavAnswerCaching();
app.UseInLavGeo();
app.MapStaticAssets();
app.UseStaticFiles();
app.UseAntiforgery();
app.MapStatusApi();
app.MapTerritoriesApi();
app.MapQueryApi();
app.MapIndicatorsApi();
app.MapSourcesApi();
app.MapGeoApi();
app.MapExplorerApi();
app.MapDatasetsApi();
app.MapAdminApi();
app.MapInLavMcp();
app.MapRazorComponents<App>();
app.Run();

/// <summary>The web host (public for the test host factory).</summary>
public partial class Program;
