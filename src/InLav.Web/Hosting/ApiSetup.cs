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
            OpenApiDescriptions.Add(o);
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
            o.SerializerOptions.Converters.Add(new UndefinedAsNull());
        });
    }

    /// <summary>
    /// An undefined statistic (NaN, ±∞: a correlation of a constant indicator, or of fewer than 3 units) is written as
    /// null, with the answer's note saying why, instead of failing the whole answer (it was a 400 "Bad request").
    /// </summary>
    public sealed class UndefinedAsNull : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            reader.TokenType == System.Text.Json.JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(System.Text.Json.Utf8JsonWriter writer, double value, System.Text.Json.JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
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
