using InLav.Web.Components.Shell;

namespace InLav.Web.Components;

/// <summary>The dashboard's services: Razor components and the UI texts in Italian and English (used only by the UI).</summary>
public static class ComponentsSetup
{
    public static void AddInLavComponents(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<Texts>();
    }
}
