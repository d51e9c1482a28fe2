import { describeOnBackends } from '../../../../tests/support/app.js';
import { messageContextFor } from './message-context.js';

describeOnBackends('the texts a message takes from the catalog and the network', (ctx) => {
  it('names the office in its time zone and the service with its required documents', async () => {
    const { app, database } = ctx();
    const offices = (await app.inject('/api/offices')).json() as { code: string }[];
    const office = (await app.inject(`/api/offices/${offices[0].code}`)).json() as {
      code: string;
      name: string;
      address: string;
      timeZone: string;
    };
    const list = (await app.inject('/api/services?limit=1')).json() as { items: { code: string }[] };
    const card = (await app.inject(`/api/services/${list.items[0].code}`)).json() as {
      title: string;
      shortTitle: string;
      documents: { name: string; required: boolean }[];
    };
    const context = await messageContextFor(database.db, {
      officeCode: office.code,
      serviceCode: list.items[0].code,
    });
    expect(context.timeZone).toBe(office.timeZone);
    expect(context.office).toMatchObject({ name: office.name, address: office.address });
    expect(context.service).toEqual({
      title: card.title,
      shortTitle: card.shortTitle,
      documents: card.documents.filter((d) => d.required).map((d) => d.name),
    });
    expect(context.service?.documents.length).toBeGreaterThan(0);
  });

  it('refuses an office or a service that does not exist', async () => {
    const { database } = ctx();
    await expect(messageContextFor(database.db, { officeCode: 'no-such-office' })).rejects.toThrow(
      /office not found/,
    );
    const offices = (await ctx().app.inject('/api/offices')).json() as { code: string }[];
    await expect(
      messageContextFor(database.db, { officeCode: offices[0].code, serviceCode: 'no-such-service' }),
    ).rejects.toThrow(/service not found/);
  });
});
