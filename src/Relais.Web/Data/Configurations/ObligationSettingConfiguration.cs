using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Web.Features.Coordination;

namespace Relais.Web.Data.Configurations;

public sealed class ObligationSettingConfiguration : IEntityTypeConfiguration<ObligationSetting>
{
    public void Configure(EntityTypeBuilder<ObligationSetting> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.OrganisationId, s.Code }).IsUnique();
    }
}
