import { formats, winston } from '@strapi/logger';

// LOG_LEVEL lets tests and scripts quiet the server (e.g. LOG_LEVEL=error); Strapi's default is http.
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL || 'http',
      format: winston.format.combine(
        formats.levelFilter(process.env.LOG_LEVEL || 'http'),
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })
      ),
    }),
  ],
};
