using Relais.Web.Features.Coordination;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class ObligationSettingConfiguration : IEntityTypeConfiguration<ObligationSetting>
{
    public void Configure(EntityTypeBuilder<ObligationSetting> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.OrganisationId, s.Code }).IsUnique();
    }
}
