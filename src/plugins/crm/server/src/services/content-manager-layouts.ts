import type { Core } from '@strapi/strapi';

import { CONTENT_MANAGER_LAYOUTS, type ContentManagerLayout } from '../../../contracts';

const STORE_KEY = 'content-manager-layouts';

/** The field that names a record of each CRM type, in relation pickers and relation columns. */
const RELATION_MAIN_FIELDS: Record<string, string> = {
  ...Object.fromEntries(
    CONTENT_MANAGER_LAYOUTS.filter((layout) => layout.mainField).map((layout) => [
      layout.uid,
      layout.mainField!,
    ])
  ),
  'plugin::users-permissions.user': 'username',
};

const SETTING_KEYS = [
  'bulkable',
  'filterable',
  'searchable',
  'pageSize',
  'mainField',
  'defaultSortBy',
  'defaultSortOrder',
] as const;
const EDIT_KEYS = ['label', 'description', 'placeholder', 'visible', 'editable', 'mainField'];
const LIST_KEYS = ['label', 'searchable', 'sortable'];

interface EditCell {
  name: string;
  size: number;
}
interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
/** The content manager's configuration of one content type, as its `content-types` service keeps it. */
export interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: EditCell[][] };
}
interface CmContentType {
  uid: string;
  attributes: Record<string, { type: string; target?: string }>;
}
interface CmContentTypes {
  findContentType(uid: string): CmContentType | undefined;
  findConfiguration(contentType: CmContentType): Promise<CmConfiguration & { uid: string }>;
  updateConfiguration(contentType: CmContentType, configuration: CmConfiguration): Promise<unknown>;
}
interface FieldSizes {
  getFieldSize(type: string): { default: number; isResizable: boolean };
}

const pickKeys = (value: Record<string, unknown> | undefined, keys: readonly string[]) =>
  Object.fromEntries(
    keys.filter((key) => value?.[key] !== undefined).map((key) => [key, value![key]])
  );

/**
 * What an admin can change of a configuration, restricted to `names`: the fields both the
 * configuration the plugin wrote and the current schema have. The content manager adds fields of
 * a changed schema by itself; those do not count as an admin's change.
 */
export const adminView = (configuration: CmConfiguration, names: ReadonlySet<string>) => ({
  settings: pickKeys(configuration.settings, SETTING_KEYS),
  metadatas: Object.fromEntries(
    [...names]
      .filter((name) => configuration.metadatas?.[name])
      .sort()
      .map((name) => [
        name,
        {
          edit: pickKeys(configuration.metadatas[name].edit, EDIT_KEYS),
          list: pickKeys(configuration.metadatas[name].list, LIST_KEYS),
        },
      ])
  ),
  list: (configuration.layouts?.list ?? []).filter((name) => names.has(name)),
  edit: (configuration.layouts?.edit ?? [])
    .map((row) =>
      row.filter((cell) => names.has(cell.name)).map((cell) => `${cell.name}:${cell.size}`)
    )
    .filter((row) => row.length > 0),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The content manager's layouts of the CRM types (contracts/content-manager-layouts.ts), written
 * at start-up through the content manager's own `content-types` service. Each type's
 * configuration as written is kept in the plugin's store; a later start writes again only while
 * the configuration still is what the plugin wrote (or, the first time, Strapi's default: every
 * label the field's name), so whatever an admin has changed since in "Configure the view" stays.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'crm' });
  const contentTypes = () =>
    strapi.plugin('content-manager').service('content-types') as unknown as CmContentTypes;
  const fieldSizes = () =>
    strapi.plugin('content-manager').service('field-sizes') as unknown as FieldSizes;

  const sizeOf = (type: string, wanted?: number) => {
    const size = fieldSizes().getFieldSize(type);
    return size.isResizable && wanted ? wanted : size.default;
  };

  /** The configuration `layout` asks for, from the current one (what it does not set stays). */
  const desired = (
    contentType: CmContentType,
    current: CmConfiguration,
    layout: ContentManagerLayout
  ): CmConfiguration => {
    const attributes = contentType.attributes;
    const listable = new Set(Object.keys(current.metadatas));
    // The content manager lays out the fields it can edit; the layout orders those only.
    const editable = current.layouts.edit.flat().map((cell) => cell.name);
    const editableSet = new Set(editable);
    const hidden = new Set(layout.hidden ?? []);

    const edit: EditCell[][] = [];
    const placed = new Set<string>();
    const place = (row: EditCell[], name: string, size?: number) => {
      if (!editableSet.has(name) || hidden.has(name) || placed.has(name)) return;
      placed.add(name);
      row.push({ name, size: sizeOf(attributes[name].type, size) });
    };
    for (const specRow of layout.edit) {
      const row: EditCell[] = [];
      for (const [name, size] of specRow) place(row, name, size);
      if (row.length > 0) edit.push(row);
    }
    // Fields the layout does not name (added since) follow, as the content manager would place them.
    for (const name of editable) {
      if (placed.has(name) || hidden.has(name)) continue;
      const last = edit[edit.length - 1];
      const size = sizeOf(attributes[name].type);
      const row =
        last && last.reduce((sum, cell) => sum + cell.size, 0) + size <= 12
          ? last
          : (edit[edit.push([]) - 1] as EditCell[]);
      place(row, name);
    }

    const metadatas: Record<string, Metadata> = {};
    for (const [name, metadata] of Object.entries(current.metadatas)) {
      const label = layout.labels[name]?.[0];
      const attribute = attributes[name];
      const mainField = attribute?.target ? RELATION_MAIN_FIELDS[attribute.target] : undefined;
      const system = name === 'id' || name === 'documentId'; // their metadata has no edit part
      const readOnly =
        !system &&
        (layout.readOnly === true ||
          (layout.readOnly ?? []).includes(name) ||
          name === 'displayName');
      metadatas[name] = {
        edit: {
          ...metadata.edit,
          ...(label ? { label } : {}),
          ...(readOnly ? { editable: false } : {}),
          ...(mainField && validMainField(attribute.target!, mainField) ? { mainField } : {}),
        },
        list: { ...metadata.list, ...(label ? { label } : {}) },
      };
    }

    const settings = { ...current.settings };
    if (layout.mainField && listable.has(layout.mainField)) settings.mainField = layout.mainField;
    if (layout.defaultSortBy && listable.has(layout.defaultSortBy)) {
      settings.defaultSortBy = layout.defaultSortBy;
      settings.defaultSortOrder = layout.defaultSortOrder ?? 'ASC';
    }
    const list = layout.list.filter((name) => listable.has(name) && name in attributes);
    return {
      settings,
      metadatas,
      layouts: {
        list: list.length > 0 ? list : current.layouts.list,
        edit: edit.length > 0 ? edit : current.layouts.edit,
      },
    };
  };

  const validMainField = (targetUid: string, field: string) =>
    Boolean(contentTypes().findContentType(targetUid)?.attributes[field]);

  /** Strapi's default configuration: the labels are the field names, nothing described. */
  const isStrapiDefault = (configuration: CmConfiguration) =>
    Object.entries(configuration.metadatas).every(
      ([name, metadata]) =>
        (metadata.edit?.label === undefined || metadata.edit.label === name) &&
        (metadata.list?.label === undefined || metadata.list.label === name) &&
        !metadata.edit?.description &&
        !metadata.edit?.placeholder
    );

  const strip = ({ settings, metadatas, layouts }: CmConfiguration): CmConfiguration => ({
    settings,
    metadatas,
    layouts: { list: layouts.list, edit: layouts.edit },
  });

  return {
    /** Writes each CRM type's layout where nobody changed it since; answers which were written and which kept. */
    async apply(): Promise<{ written: string[]; kept: string[] }> {
      const written: string[] = [];
      const kept: string[] = [];
      const record = ((await store().get({ key: STORE_KEY })) ?? {}) as Record<
        string,
        CmConfiguration
      >;
      for (const layout of CONTENT_MANAGER_LAYOUTS) {
        const contentType = contentTypes().findContentType(layout.uid);
        if (!contentType) continue;
        const current = strip(await contentTypes().findConfiguration(contentType));
        const last = record[layout.uid];
        const names = new Set(
          Object.keys(current.metadatas).filter((name) => !last || name in last.metadatas)
        );
        const untouched = last
          ? same(adminView(current, names), adminView(last, names))
          : isStrapiDefault(current);
        if (!untouched) {
          kept.push(layout.uid);
          continue;
        }
        const next = desired(contentType, current, layout);
        if (!same(next, current)) {
          await contentTypes().updateConfiguration(contentType, next);
          written.push(layout.uid);
        }
        record[layout.uid] = strip(await contentTypes().findConfiguration(contentType));
      }
      await store().set({ key: STORE_KEY, value: record });
      return { written, kept };
    },
  };
};
