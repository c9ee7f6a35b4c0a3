import address from './address';
import auditLog from './audit-log';
import connection from './connection';
import customer from './customer';
import email from './email';
import phone from './phone';
import relationship from './relationship';
import sequence from './sequence';

export default { customer, address, phone, email, connection, relationship, sequence, 'audit-log': auditLog };
