using System.Text.Json.Serialization;
using InLav.Core;
using InLav.Core.Query;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Diagnostics;

namespace InLav.Web.Hosting;

/// <summary>JSON, OpenAPI and RFC 9457 problem details for every API error.</summary>
public static class ApiSetup
{
    public static void AddInLavApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "InLav Cruscotto API";
                doc.Info.Version = "v1";
                doc.Info.Description = "Territories, classifications, sources and import runs, measures and the query service of the InLav information dashboard on undeclared work in Lombardy.";
                return Task.CompletedTask;
            });

            // A note of the core is written as its English text (Note's JSON converter): lists of notes are lists of strings.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (typeof(IEnumerable<Note>).IsAssignableFrom(context.JsonTypeInfo.Type))
                {
                    schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
                }

                return Task.CompletedTask;
            });
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
    }

    public static void UseInLavApi(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                QueryException or ArgumentException or FormatException => StatusCodes.Status400BadRequest,
                InvalidOperationException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var status = context.Response.StatusCode;
                var (title, detail) = error switch
                {
                    QueryException q => (q.Title, q.Message),
                    ArgumentException or FormatException or InvalidOperationException => ("Bad request", error.Message),
                    _ => ("Internal error", "The server could not answer; the error is logged."),
                };
                await Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context).ConfigureAwait(false);
            },
        });
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
    }
}
