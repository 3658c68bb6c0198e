/**
 * The English copy of SIAP's settings page. Typed as {@link SiapSettingsMessages}.
 *
 * @module
 */
import type { SiapSettingsMessages } from './id.js';

const num = (value: number): string => value.toLocaleString('en-GB');

/** SIAP settings' English copy. */
export const en: SiapSettingsMessages = {
  'categories.title': 'Question categories',
  'categories.intro': 'The categories this OPD’s question form offers, in order. A category removed that older questions use is archived: no longer offered, its name still shown on those questions.',
  'categories.readOnly': 'Only an OPD admin can change the categories.',
  'categories.caption': 'Categories offered',
  'categories.id': 'Code',
  'categories.name': 'Name',
  'categories.nameEn': 'English name',
  'categories.used': 'Used',
  'categories.usedCount': (n: number) => `${num(n)} ${n === 1 ? 'question' : 'questions'}`,
  'categories.actions': 'Order and remove',
  'categories.up': (name: string) => `Move ${name} up`,
  'categories.down': (name: string) => `Move ${name} down`,
  'categories.remove': (name: string) => `Remove ${name}`,
  'categories.removeShort': 'Remove',
  'categories.add': 'Add a category',
  'categories.newName': 'New category',
  'categories.save': 'Save categories',
  'categories.saved': 'Categories saved.',
  'categories.retired': 'Archived (no longer offered)',
  'categories.restore': (name: string) => `Offer ${name} again`,
  'categories.none': 'No categories yet: citizens cannot use this OPD’s form. Add at least one.',
  'categories.rowLabel': (field: string, index: number) => `${field}, category ${num(index)}`,

  'templates.title': 'Answer templates',
  'templates.intro': 'Answers used often. Staff pick one in the inbox to start an answer, then adapt it.',
  'templates.none': 'No answer templates yet.',
  'templates.by': (name: string, date: string) => `Changed by ${name}, ${date}`,
  'templates.edit': (title: string) => `Edit ${title}`,
  'templates.delete': (title: string) => `Delete ${title}`,
  'templates.confirmDelete': (title: string) => `Delete the template “${title}”? Answers already sent do not change.`,
  'templates.confirmYes': 'Yes, delete',
  'templates.deleted': (title: string) => `The template “${title}” is deleted.`,
  'templates.editShort': 'Edit',
  'templates.deleteShort': 'Delete',
  'templates.add': 'New template',
  'templates.formTitle': 'Title',
  'templates.formText': 'Text of the answer',
  'templates.create': 'Save new template',
  'templates.update': 'Save changes',
  'templates.created': (title: string) => `The template “${title}” is saved.`,
  'templates.updated': (title: string) => `The changes to “${title}” are saved.`,

  'error.categories.required': 'Offer at least one category: the form needs one',
  'error.categories.tooLong': 'At most 50 categories',
  'error.categoryId.required': 'Fill in the code of every category',
  'error.categoryId.format': 'A category code is lowercase letters, digits and hyphens, for example aset-daerah',
  'error.categoryId.alreadyUsed': 'Each category needs its own code: a code is used twice',
  'error.categoryName.required': 'Fill in the name of every category',
  'error.title.required': 'Write the title of the template',
  'error.title.tooLong': 'The title must be 120 characters or fewer',
  'error.title.conflict': 'There already is a template with this title. Choose another',
  'error.text.required': 'Write the text of the answer',
  'error.text.tooLong': 'The text must be 10,000 characters or fewer',
};
