using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Web.Features.Notifications;

namespace Relais.Web.Data.Configurations;

public sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> builder)
    {
        builder.HasKey(s => s.UserId);
        // The notice check: the people who agreed, the longest unchecked first.
        builder.HasIndex(s => new { s.EmailOptIn, s.CheckedAt });
        builder.Property(s => s.Language).HasMaxLength(2);
    }
}
