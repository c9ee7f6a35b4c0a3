import roleTable from './role-table';

export default { 'role-table': roleTable };
