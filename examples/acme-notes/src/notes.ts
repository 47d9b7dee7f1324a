import type { FastifyInstance } from 'fastify';
import { notesPage, signedOutHome, type NoteView } from './pages.js';
import type { SessionStore } from './sessions.js';
import { formField, pageOf, requireSignedIn, sendPage } from './web.js';

const maxNoteLength = 1000;

/**
 * Registers the home page, which invites a visitor to sign in or lists the signed-in user's notes,
 * and the form that adds a note.
 *
 * NOTE: notes live in this process's memory, keyed by the Portcullis user id, and are lost on
 * restart. They stand in for the data a real app keeps in its database.
 */
export function notesRoutes(app: FastifyInstance, deps: { sessions: SessionStore }): void {
  const notesByUser = new Map<string, NoteView[]>();

  app.get('/', async (request, reply) => {
    const session = deps.sessions.find(request);
    if (session?.user === undefined) {
      return sendPage(reply, pageOf(session, 'Welcome', signedOutHome()));
    }
    const notes = notesByUser.get(session.user.userId) ?? [];
    return sendPage(reply, pageOf(session, 'Notes', notesPage(notes, session.csrfToken)));
  });

  app.post('/notes', async (request, reply) => {
    const signedIn = requireSignedIn(deps.sessions, request, reply);
    if (signedIn === undefined) return reply;

    const text = formField(request, 'text').trim().slice(0, maxNoteLength);
    if (text !== '') {
      const notes = notesByUser.get(signedIn.user.userId) ?? [];
      notes.unshift({ text, createdAt: Date.now() });
      notesByUser.set(signedIn.user.userId, notes);
    }
    return reply.redirect('/', 303);
  });
}
